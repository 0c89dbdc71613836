using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Orleans.Blockchain.Configuration;

/// <summary>Checks the data annotations of options bound from configuration section <paramref name="section"/>, and
/// words each failure as a person fixes it: the setting's full name, the value it has and what is allowed, e.g.
/// <c>Gateway:RequestsPerSecond=10000000 is not allowed: it must be between 1 and 1000000</c>.</summary>
public sealed class SettingsValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = new List<string>();
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead))
        {
            var value = property.GetValue(options);
            var context = new ValidationContext(options) { MemberName = property.Name };
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (rule.GetValidationResult(value, context) != ValidationResult.Success)
                {
                    failures.Add($"{section}:{property.Name}={Text(value)} is not allowed: it {Allowed(rule, property.Name)}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Text(object? value) => value switch
    {
        null => "(unset)",
        string { Length: 0 } => "(empty)",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Allowed(ValidationAttribute rule, string name) => rule switch
    {
        RangeAttribute range => string.Create(CultureInfo.InvariantCulture, $"must be between {range.Minimum} and {range.Maximum}"),
        RequiredAttribute => "must be set",
        RegularExpressionAttribute pattern => $"must match {pattern.Pattern}",
        _ => $"breaks a rule: {rule.FormatErrorMessage(name)}",
    };
}
