using Amanat.Core.Data;
using Amanat.Core.Members;
using Amanat.Core.Vocabularies;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Members;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Members;

/// <summary>
/// What the new and edit pages share: the one form, its rules beside the fields, and the duplicate warning
/// (same UIC or same contact) that asks to confirm before registering — with nothing typed lost.
/// </summary>
internal abstract class MemberFormPage(AmanatDbContext db, MemberRecorder recorder, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    /// <summary>Ticked after the duplicate warning: "this is another woman, register her anyway".</summary>
    [BindProperty]
    public bool NotADuplicate { get; set; }

    public VocabularyList Vocabulary { get; private set; } = new([]);

    /// <summary>Possible duplicates she may open (shown by working name).</summary>
    public IReadOnlyList<Member> Duplicates { get; private set; } = [];

    /// <summary>How many possible duplicates are outside her scope: said to exist, never named.</summary>
    public int OtherDuplicates { get; private set; }

    public bool HasDuplicates => Duplicates.Count + OtherDuplicates > 0;

    public int ThisYear => recorder.ThisYear;

    protected AmanatDbContext Db => db;

    protected async Task LoadVocabularyAsync() => Vocabulary = await recorder.VocabularyAsync();

    /// <summary>Checks the form, warns of duplicates once, and saves; returns the member when saved.</summary>
    protected async Task<Member?> SaveAsync(Member? existing)
    {
        await LoadVocabularyAsync();
        if (!ModelState.IsValid)
        {
            return null; // a value that did not parse (letters in the year): shown beside its field
        }

        var result = await recorder.SaveAsync(existing, Input.ToDraft(), User.RequiredUserId(), User.Roles(), NotADuplicate, Vocabulary);
        ModelState.AddRuleErrors(nameof(Input), result.Errors, localizer);

        if (result.Member is null && result.HasDuplicates)
        {
            Duplicates = result.Duplicates;
            OtherDuplicates = result.OtherDuplicates;
            // Only members she cannot open: she cannot check them herself.
            ModelState.AddModelError(nameof(NotADuplicate), localizer[Duplicates.Count == 0 ? "Member.Duplicate.ConfirmElsewhere" : "Member.Duplicate.Confirm"]);
        }

        return result.Member;
    }
}

/// <summary>The member form as posted. The UIC parts are only used to compute its hash.</summary>
internal sealed class MemberInput
{
    public string? WorkingName { get; set; }

    public int? BirthYear { get; set; }

    public string? NationalityCode { get; set; }

    public List<string> Languages { get; set; } = [];

    public string? CityCode { get; set; }

    public ContactChannel? ContactChannel { get; set; }

    public string? Contact { get; set; }

    public string? Notes { get; set; }

    public Amanat.Core.Incidents.ConsentValue ServicesConsent { get; set; }

    public UicSex? Sex { get; set; }

    public string? MotherName { get; set; }

    public string? FatherName { get; set; }

    public MemberDraft ToDraft() => new()
    {
        WorkingName = WorkingName,
        BirthYear = BirthYear,
        NationalityCode = Blank(NationalityCode),
        Languages = Languages,
        CityCode = Blank(CityCode),
        ContactChannel = ContactChannel,
        Contact = Contact,
        Notes = Notes,
        ServicesConsent = ServicesConsent,
        Sex = Sex,
        MotherName = MotherName,
        FatherName = FatherName,
    };

    public static MemberInput From(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var draft = MemberDraft.From(member);
        return new MemberInput
        {
            WorkingName = draft.WorkingName,
            BirthYear = draft.BirthYear,
            NationalityCode = draft.NationalityCode,
            Languages = [.. draft.Languages],
            CityCode = draft.CityCode,
            ContactChannel = draft.ContactChannel,
            Contact = draft.Contact,
            Notes = draft.Notes,
            ServicesConsent = draft.ServicesConsent,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
