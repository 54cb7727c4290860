using Excellence.Web.Domain;
using Microsoft.AspNetCore.Authorization;

namespace Excellence.Web.Infrastructure.Auth;

/// <summary>The coarse cut by role. Record-level checks go through Domain/Permissions.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Applicant = Roles.Applicant;
    public const string Recommender = Roles.Recommender;
    public const string Secretariat = Roles.Secretariat;
    public const string Expert = Roles.Expert;
    public const string Approver = Roles.Approver;
    public const string Administrator = Roles.Administrator;
    /// <summary>Secretariat or administrator (audit log, users).</summary>
    public const string Staff = nameof(Staff);

    public static void Add(AuthorizationOptions o)
    {
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        foreach (var role in Roles.All) o.AddPolicy(role, p => p.RequireRole(role));
        o.AddPolicy(Staff, p => p.RequireRole(Roles.Secretariat, Roles.Administrator));
    }
}
