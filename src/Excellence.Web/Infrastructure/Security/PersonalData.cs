using Excellence.Web.Domain.Identifiers;
using Microsoft.AspNetCore.DataProtection;

namespace Excellence.Web.Infrastructure.Security;

/// <summary>
/// Encrypts personal information (ID numbers, phones, objectors' identities) before it reaches the
/// database. The keys live in {DataDirectory}/keys, outside the database.
/// </summary>
public sealed class PersonalData(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Excellence.PersonalData.v1");

    public string Protect(string plain) => plain.Length == 0 ? "" : protector.Protect(plain);
    public string Unprotect(string cipher) => cipher.Length == 0 ? "" : protector.Unprotect(cipher);

    public static string MaskPhone(string plain) => Phone.Mask(plain);
}
