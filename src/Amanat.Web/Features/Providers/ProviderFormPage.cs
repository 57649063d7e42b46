using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Providers;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Providers;

/// <summary>What adding and changing a provider share: the form, its rules beside the fields, saving with an audit entry.</summary>
internal abstract class ProviderFormPage(AmanatDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public ProviderInput Input { get; set; } = new();

    public VocabularyList Vocabulary { get; private set; } = new([]);

    protected AmanatDbContext Db => db;

    protected async Task LoadVocabularyAsync() =>
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City).ToListAsync());

    /// <summary>Checks and saves; null when a rule is broken (the errors are beside the fields).</summary>
    protected async Task<Provider?> SaveAsync(Provider? existing)
    {
        await LoadVocabularyAsync();
        if (!ModelState.IsValid)
        {
            return null;
        }

        var draft = Input.ToDraft();
        ModelState.AddRuleErrors(nameof(Input), ProviderDraft.Check(draft, Vocabulary), localizer);
        if (!ModelState.IsValid)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var provider = existing ?? db.Providers.Add(new Provider(draft, now)).Entity;
        provider.Apply(draft, now);
        await SaveWithAuditAsync(provider);
        return provider;
    }

    protected async Task SaveWithAuditAsync(Provider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.DirectoryChanged, provider.Id);
        await transaction.CommitAsync();
    }
}

internal sealed class ProviderInput
{
    public string? Name { get; set; }

    public ProviderKind? Kind { get; set; }

    public string? CityCode { get; set; }

    public string? Address { get; set; }

    public string? Contact { get; set; }

    public string? Hours { get; set; }

    public List<string> Languages { get; set; } = [];

    public bool NoDocumentsNeeded { get; set; }

    public ProviderCost Cost { get; set; }

    public string? PublicNote { get; set; }

    public string? StaffNote { get; set; }

    public bool IsPublic { get; set; }

    public ProviderDraft ToDraft() => new()
    {
        Name = Name, Kind = Kind, CityCode = string.IsNullOrWhiteSpace(CityCode) ? null : CityCode, Address = Address, Contact = Contact, Hours = Hours,
        Languages = Languages, NoDocumentsNeeded = NoDocumentsNeeded, Cost = Cost, PublicNote = PublicNote, StaffNote = StaffNote, IsPublic = IsPublic,
    };

    public static ProviderInput From(Provider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new()
        {
            Name = provider.Name, Kind = provider.Kind, CityCode = provider.CityCode, Address = provider.Address, Contact = provider.Contact, Hours = provider.Hours,
            Languages = [.. Amanat.Core.Members.MemberLanguages.Split(provider.Languages)], NoDocumentsNeeded = provider.NoDocumentsNeeded, Cost = provider.Cost,
            PublicNote = provider.PublicNote, StaffNote = provider.StaffNote, IsPublic = provider.IsPublic,
        };
    }
}
