using Orleans.Blockchain.Web.Tests.Browser;

// One Chromium for the whole run: starting a browser costs more than a fresh context per test.
[assembly: AssemblyFixture(typeof(ChromiumFixture))]
