// Every scenario starts real miners (two processes each): one test at a time fits a 2-core machine.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
