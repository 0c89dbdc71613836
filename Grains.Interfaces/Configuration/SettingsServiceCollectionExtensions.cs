using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orleans.Blockchain.Configuration;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>Checks the options of configuration section <paramref name="section"/> with
    /// <see cref="SettingsValidator{TOptions}"/> when the host starts, before anything listens or mines.</summary>
    public static IServiceCollection AddSettingsValidation<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(section));
        return services;
    }
}
