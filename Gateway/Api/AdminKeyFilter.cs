using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Gateway.Hosting;

namespace Orleans.Blockchain.Gateway.Api;

/// <summary>Guards an admin endpoint: 403 while no admin key is configured, 401 unless the request carries it in
/// <see cref="Header"/> (compared in constant time).</summary>
public sealed class AdminKeyFilter(IOptions<GatewayOptions> options) : IEndpointFilter
{
    public const string Header = "X-Admin-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = options.Value.AdminKey;
        if (string.IsNullOrEmpty(key))
        {
            return TypedResults.Problem(title: "Admin operations are disabled", detail: "Set Gateway:AdminKey to enable them.", statusCode: StatusCodes.Status403Forbidden);
        }

        var sent = context.HttpContext.Request.Headers[Header].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(key)))
        {
            return TypedResults.Problem(title: "Admin key required", detail: $"Send the admin key in the {Header} header.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
