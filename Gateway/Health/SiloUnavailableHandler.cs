using Microsoft.AspNetCore.Diagnostics;

namespace Orleans.Blockchain.Gateway.Health;

/// <summary>Turns "the silo is down or restarting" into 503 problem details instead of a 500.</summary>
public sealed class SiloUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (SiloUnavailableException or OrleansMessageRejectionException or TimeoutException))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Title = "The miner is unavailable", Detail = "The gateway cannot reach its miner's silo right now; try again shortly.", Status = 503 },
        });
    }
}
