using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Excellence.Web.Features.Accounts;

/// <summary>Identity's password rules as field problems, so pages and the API word them like every other rule.</summary>
public static class AccountRules
{
    public static async Task<List<FieldProblem>> CheckPassword(UserManager<User> users, User user, string password, string field)
    {
        var problems = new List<FieldProblem>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            problems.AddRange(result.Errors.Select(e => new FieldProblem(field, ToProblem(users, e))));
        }
        return problems;
    }

    /// <summary>An Identity error as a resource key with the arguments its message needs.</summary>
    public static Problem ToProblem(UserManager<User> users, IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => new Problem("Identity.PasswordTooShort", users.Options.Password.RequiredLength),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => new Problem("Identity.PasswordRequiresUniqueChars", users.Options.Password.RequiredUniqueChars),
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.UserAlreadyInRole)
            or nameof(IdentityErrorDescriber.UserNotInRole) => new Problem("Identity.DefaultError"),
        _ => new Problem("Identity." + error.Code),
    };

    /// <summary>Identity results of a page action (change or reset password) as field problems.</summary>
    public static List<FieldProblem> Problems(UserManager<User> users, IdentityResult result, string field) =>
        result.Errors.Select(e => new FieldProblem(field, ToProblem(users, e))).ToList();
}
