using Amanat.Core.Data;
using Amanat.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Amanat.Core.Staff;

/// <summary>
/// An Identity token row (the authenticator key, the recovery codes) whose value is encrypted under the
/// staff member's own record key by the persistence layer (see <c>StaffUserTokenConfiguration</c>).
/// </summary>
public sealed class StaffUserToken : IdentityUserToken<Guid>, IEncryptedRecord
{
    public Guid KeyOwnerId => UserId;
}

/// <summary>Identity's user store over <see cref="StaffUserToken"/> rows; Identity itself never sees ciphertext.</summary>
public sealed class StaffUserStore(AmanatDbContext context, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<StaffUser, AmanatDbContext, Guid, IdentityUserClaim<Guid>, IdentityUserLogin<Guid>, StaffUserToken>(context, describer);
