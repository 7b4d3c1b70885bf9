using System.Text.Json;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Esignet;

/// <summary>
/// Reads eSignet's request wrapper (esignet-api.md §1.4) and binds the inner DTO: Jackson failures (unknown member,
/// wrong type) become one <c>unknown_error</c>; otherwise requestTime, request and the DTO's field rules are all
/// validated together, as Spring does in one pass.
/// </summary>
public static class EsignetRequestEnvelope
{
    /// <summary>Null when the request is valid (and <paramref name="request"/> is bound); otherwise the failure.</summary>
    public static EsignetOutcome? Read(JsonElement root, ClientEndpoint endpoint, ActiveConfig config, DateTimeOffset now, out BoundFields request)
    {
        request = default!;
        var wrapperError = StrictJsonBinder.Bind(root, ClientRequestShapes.WrapperClass, ClientRequestShapes.Wrapper, out var wrapper);
        if (wrapperError is not null) return EsignetOutcome.Failure(new EsignetError("unknown_error", wrapperError));

        var errors = new List<EsignetError>();
        if (!RequestTimeRule.IsValid(wrapper.Text("requestTime"), now)) errors.Add(EsignetError.Field("requestTime", "invalid_request"));

        var requestElement = wrapper.Element("request");
        if (requestElement is null)
        {
            errors.Add(EsignetError.Field("request", "invalid_request"));
            return EsignetOutcome.Failure(errors);
        }
        var dtoError = StrictJsonBinder.Bind(requestElement.Value, ClientRequestShapes.JavaClass(endpoint), ClientRequestShapes.Fields(endpoint), out request);
        if (dtoError is not null) return EsignetOutcome.Failure(new EsignetError("unknown_error", dtoError));

        errors.AddRange(ClientRequestValidator.Validate(endpoint, request, config));
        return errors.Count == 0 ? null : EsignetOutcome.Failure(errors);
    }
}
