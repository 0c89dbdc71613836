using System.Text.Json.Serialization;

namespace Orleans.Blockchain.Api;

/// <summary><c>PUT /add</c> succeeded: the seed's <c>message</c>, where to follow it, and the message id.</summary>
public sealed record AddResponse(
    string Message,
    [property: JsonPropertyName("more_information")] string MoreInformation,
    Guid Id)
{
    public const string Added = "Message added!";
    public const string NotAdded = "No Message added!";
}
