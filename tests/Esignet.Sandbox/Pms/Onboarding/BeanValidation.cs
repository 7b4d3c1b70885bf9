using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// Bean validation of a PMS request DTO: the first failing field (in declaration order) becomes
/// <c>PMS_COR_001 "Invalid request parameter - &lt;message&gt; :request.&lt;field&gt;"</c> (pms-partner-onboarding.md §1).
/// </summary>
public sealed class BeanValidation(BoundFields request)
{
    private PmsError? _first;

    public PmsError? Error => _first;

    /// <summary>@NotBlank(message) and, when <paramref name="max"/> is given, @Size(1,max,sizeMessage).</summary>
    public BeanValidation NotBlank(string field, string message = "must not be blank", int? max = null, string? sizeMessage = null)
    {
        if (_first is not null) return this;
        var value = request.Text(field);
        if (string.IsNullOrWhiteSpace(value)) _first = PmsErrors.Validation(message, "request." + field);
        else if (max is { } m && value.Length > m) _first = PmsErrors.Validation(sizeMessage ?? $"size must be between 1 and {m}", "request." + field);
        return this;
    }

    /// <summary>@NotNull.</summary>
    public BeanValidation NotNull(string field)
    {
        if (_first is null && !request.HasValue(field)) _first = PmsErrors.Validation("must not be null", "request." + field);
        return this;
    }
}
