using System.Text.Json;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.State;

namespace Esignet.Sandbox.Pms;

/// <summary>One row of <c>GET /oauth/client</c> (<c>ClientSummaryDto</c>, pms-api.md §4.7), with its filters and sort keys.</summary>
public sealed record ClientSummary(
    string PartnerId, string OrgName, string PolicyGroupId, string PolicyGroupName, string PolicyGroupDescription,
    string PolicyName, string PolicyDescription, string ClientId, string ClientName, string Status,
    DateTimeOffset? UpdatedDateTime, DateTimeOffset CreatedDateTime)
{
    public static ClientSummary Of(PmsClientRecord c, PmsDirectory directory)
    {
        var partner = directory.Partner(c.RelyingPartyId);
        var policy = directory.Policy(c.PolicyId);
        var group = policy is null ? null : directory.Group(policy.PolicyGroupId);
        return new ClientSummary(c.RelyingPartyId, partner?.OrganizationName ?? "", group?.Id ?? "", group?.Name ?? "", group?.Description ?? "",
            policy?.Name ?? "", policy?.Description ?? "", c.Id, c.Name, c.Status, c.UpdatedAt, c.CreatedAt);
    }

    /// <summary>The query filters (partnerId, orgName, policyGroupName, policyName, clientName, status): case-insensitive "contains".</summary>
    public bool Matches(IQueryCollection query)
    {
        static bool Like(string value, string? filter) => string.IsNullOrEmpty(filter) || value.Contains(filter, StringComparison.OrdinalIgnoreCase);
        return Like(PartnerId, query["partnerId"]) && Like(OrgName, query["orgName"]) && Like(PolicyGroupName, query["policyGroupName"])
            && Like(PolicyName, query["policyName"]) && Like(ClientName, query["clientName"])
            && (string.IsNullOrEmpty(query["status"]) || string.Equals(Status, query["status"], StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Sorts by one of the documented aliases (default: created, newest first); sortType ASC or DESC.</summary>
    public static List<ClientSummary> Sort(List<ClientSummary> rows, string? field, string? type)
    {
        Func<ClientSummary, IComparable> key = field switch
        {
            "partnerId" => s => s.PartnerId,
            "orgName" => s => s.OrgName,
            "policyGroupName" => s => s.PolicyGroupName,
            "policyName" => s => s.PolicyName,
            "clientId" => s => s.ClientId,
            "clientName" => s => s.ClientName,
            "status" => s => s.Status,
            _ => s => s.CreatedDateTime,
        };
        var descending = string.IsNullOrEmpty(field) ? !string.Equals(type, "ASC", StringComparison.OrdinalIgnoreCase) : string.Equals(type, "DESC", StringComparison.OrdinalIgnoreCase);
        return (descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ToList();
    }

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("partnerId", PartnerId);
        w.WriteString("orgName", OrgName);
        w.WriteString("policyGroupId", PolicyGroupId);
        w.WriteString("policyGroupName", PolicyGroupName);
        w.WriteString("policyGroupDescription", PolicyGroupDescription);
        w.WriteString("policyName", PolicyName);
        w.WriteString("policyDescription", PolicyDescription);
        w.WriteString("clientId", ClientId);
        w.WriteString("clientName", ClientName);
        w.WriteString("status", Status);
        if (UpdatedDateTime is { } updated) w.WriteString("updatedDateTime", UtcTimestamp.ToText(updated));
        else w.WriteNull("updatedDateTime");
        w.WriteString("createdDateTime", UtcTimestamp.ToText(CreatedDateTime));
        w.WriteEndObject();
    }
}
