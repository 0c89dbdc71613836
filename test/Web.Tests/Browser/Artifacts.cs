namespace Orleans.Blockchain.Web.Tests.Browser;

/// <summary>Where the tests keep what a person may want to look at afterwards: screenshots of the page.</summary>
public static class Artifacts
{
    /// <summary>The <c>screenshots</c> folder beside the test program.</summary>
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>Copies a screenshot to <c>docs/</c> in the repository for the README: when it is missing there, or when
    /// <c>UPDATE_DOCS_SCREENSHOT=1</c>. Not on every run, so that running the tests does not change a tracked file.</summary>
    public static void PublishToDocs(string screenshot, string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Orleans.Blockchain.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            return;
        }

        var target = Path.Combine(root.FullName, "docs", name);
        if (!File.Exists(target) || Environment.GetEnvironmentVariable("UPDATE_DOCS_SCREENSHOT") == "1")
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(screenshot, target, overwrite: true);
        }
    }
}
