// Every scenario starts real miners (a process each, two with a gateway of its own): one test at a time fits a 2-core machine.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
