using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Excellence.Web.Infrastructure.Hosting;

/// <summary>
/// The coarse cut: each folder of Pages belongs to one role. Public pages opt out one by one with
/// [AllowAnonymous]; everything else needs a signed-in user (the fallback policy).
/// </summary>
public static class PageConventions
{
    public static readonly IReadOnlyDictionary<string, string> FolderPolicies = new Dictionary<string, string>
    {
        ["/Secretariat"] = Policies.Secretariat,
        ["/Admin"] = Policies.Administrator,
        ["/Staff"] = Policies.Staff,
        ["/Organization"] = Policies.Applicant,
        ["/Recommender"] = Policies.Recommender,
        ["/Expert"] = Policies.Expert,
        ["/Approver"] = Policies.Approver,
        ["/Account/Manage"] = Policies.SignedIn,
    };

    public static void Apply(PageConventionCollection conventions)
    {
        foreach (var (folder, policy) in FolderPolicies) conventions.AuthorizeFolder(folder, policy);
        conventions.AddPageRoute("/Index", "years/{year:int}");
    }
}
