using Microsoft.AspNetCore.Diagnostics;
using Orleans.Blockchain.Storage;
using Orleans.Runtime.Messaging;

namespace Orleans.Blockchain.Gateway.Health;

/// <summary>Turns "the silo is down or restarting" and "the miner's storage is down" into 503 problem details with
/// Retry-After instead of a 500: the request may be sent again shortly (<c>PUT /add</c> answers its own 503, with the id to check).</summary>
public sealed class SiloUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // A grain that could not activate (its state unreadable) arrives wrapped in an OrleansException.
        (string Title, string Detail)? problem = (exception.InnerException is StorageUnavailableException inner ? inner : exception) switch
        {
            StorageUnavailableException => ("The miner's storage is unavailable", "The miner could not store the change; try again shortly."),
            SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException =>
                ("The miner is unavailable", "The gateway cannot reach its miner's silo right now; try again shortly."),
            _ => null,
        };
        if (problem is not { } answer)
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Title = answer.Title, Detail = answer.Detail, Status = 503 },
        });
    }
}
