using Amanat.Core.Identifiers;
using Amanat.Core.Members;
using Amanat.Core.Security;

namespace Amanat.Core.Tests.Security;

/// <summary>
/// Each purpose has its own index key: the same phone number as a member's contact and as a perpetrator's
/// phone gives two unrelated values, so a copy of the database cannot join members to perpetrators, and a
/// working name cannot be joined to a perpetrator's name.
/// </summary>
public sealed class BlindIndexPurposeTests : IDisposable
{
    private readonly TestVault test = new();

    [Fact]
    public void TheSameNumber_AsAMembersContact_AndAsAPerpetratorsPhone_GivesUnrelatedIndexes()
    {
        var keys = test.Vault.Keys;

        var contact = BlindIndex.Compute(keys, new ContactNormaliser(), "+7 701 555 44 33");
        var perpetrator = BlindIndex.Compute(keys, new PhoneNormaliser(), "8 701 555 44 33");
        var alertPhone = BlindIndex.Compute(keys, new PhoneNormaliser(), "+77015554433");

        Assert.NotNull(contact);
        Assert.NotEqual(contact, perpetrator);
        Assert.Equal(perpetrator, alertPhone); // within one purpose they must match: that is what the check is for
    }

    [Fact]
    public void TheSameName_AsAWorkingName_AndAsAPerpetratorsName_GivesUnrelatedIndexes()
    {
        var keys = test.Vault.Keys;

        Assert.NotEqual(BlindIndex.Compute(keys, new WorkingNameNormaliser(), "Айгуль"), BlindIndex.Compute(keys, new NameNormaliser(), "Айгуль"));
    }

    public void Dispose() => test.Dispose();
}
