using Amanat.Core.Data;
using Amanat.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Amanat.Core.Staff;

/// <summary>
/// Identity's user store, with the authenticator key and recovery codes encrypted before they reach the
/// database (AES-256-GCM, bound to the user and the token's name). Identity itself never sees ciphertext.
/// </summary>
public sealed class StaffUserStore(AmanatDbContext context, StaffSecretsCipher cipher, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<StaffUser, AmanatDbContext, Guid>(context, describer)
{
    public override Task SetTokenAsync(StaffUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = value is null ? null : cipher.Encrypt(value, TokenContext(user, loginProvider, name));
        return base.SetTokenAsync(user, loginProvider, name, stored, cancellationToken);
    }

    public override async Task<string?> GetTokenAsync(StaffUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return stored is null ? null : cipher.Decrypt(stored, TokenContext(user, loginProvider, name));
    }

    private static FieldContext TokenContext(StaffUser user, string loginProvider, string name) =>
        new("StaffUserToken", $"{loginProvider}/{name}", user.Id);
}

/// <summary>The cipher of staff secrets: TOTP keys, recovery codes, preserved forms.</summary>
public sealed class StaffSecretsCipher(KeyRing keys)
{
    private readonly FieldCipher cipher = new(keys, "staff-secrets");

    public string Encrypt(string plaintext, FieldContext context) => cipher.Encrypt(plaintext, context);

    public string Decrypt(string stored, FieldContext context) => cipher.Decrypt(stored, context);
}
