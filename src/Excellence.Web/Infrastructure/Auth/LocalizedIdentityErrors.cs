using System.Globalization;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;

namespace Excellence.Web.Infrastructure.Auth;

/// <summary>Identity's password and account errors in the user's language.</summary>
public sealed class LocalizedIdentityErrors(StringCatalog catalog) : IdentityErrorDescriber
{
    private IdentityError E(string code, params object[] args) =>
        new() { Code = code, Description = catalog.Text("Identity." + code, CultureInfo.CurrentUICulture, args) };

    public override IdentityError DefaultError() => E(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure));
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch));
    public override IdentityError InvalidToken() => E(nameof(InvalidToken));
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), email ?? "");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), email);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateEmail), userName);
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidEmail), userName ?? "");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric));
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit));
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower));
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper));
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), role);
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), role);
    public override IdentityError UserLockoutNotEnabled() => E(nameof(DefaultError));
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(InvalidToken));
}
