using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orleans.Blockchain.Configuration;

/// <summary>How the miner's programs end on bad configuration: one line naming the setting, its value and what is
/// allowed (no stack trace) and exit code <see cref="ExitCode"/>, as command-line tools do for a usage error.</summary>
public static class InvalidSettings
{
    public const int ExitCode = 2;

    /// <summary>Runs the start-up checks (<c>ValidateOnStart</c>) now, before the host starts: it would log a bad setting
    /// with a stack trace before rethrowing it.</summary>
    public static void Check(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    /// <summary>The line for a settings error: a rule of <see cref="SettingsValidator{TOptions}"/> failed, or a value could
    /// not even be read as its type (the configuration binder's own message names the setting, value and type).</summary>
    public static string? Describe(Exception error) => error switch
    {
        OptionsValidationException invalid => string.Join("; ", invalid.Failures),
        AggregateException { InnerExceptions: var all } when all.All(e => e is OptionsValidationException) =>
            string.Join("; ", all.Cast<OptionsValidationException>().SelectMany(e => e.Failures)),
        InvalidOperationException { TargetSite.DeclaringType: var thrower } unreadable when thrower == typeof(ConfigurationBinder) =>
            unreadable.Message,
        _ => null,
    };
}
