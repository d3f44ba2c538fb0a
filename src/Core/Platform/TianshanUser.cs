using Microsoft.AspNetCore.Identity;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Platform;

/// <summary>A login. Its jurisdiction is a division (district, street, community); an enterprise user is bound
/// to one enterprise; a department user sees the sectors it supervises (管行业必须管安全).</summary>
public sealed class TianshanUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid? DivisionId { get; set; }
    public Division? Division { get; set; }
    public Guid? EnterpriseId { get; set; }
    /// <summary>The sectors a department user supervises; <see cref="SectorSet.All"/> for everyone else.</summary>
    public Sector SupervisedSectors { get; set; } = SectorSet.All;
}
