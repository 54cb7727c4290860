using Excellence.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Excellence.Web.Data;

public sealed class User : IdentityUser<Guid>, IAudited
{
    public User() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    /// <summary>The applicant organisation this account acts for (role Applicant).</summary>
    public Guid? OrganizationId { get; set; }
    /// <summary>The recommending unit this account acts for (role Recommender).</summary>
    public Guid? RecommenderUnitId { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

public sealed class Role : IdentityRole<Guid>
{
    public Role() => Id = Guid.CreateVersion7();
    public Role(string name) : this() { Name = name; NormalizedName = name.ToUpperInvariant(); }
}
