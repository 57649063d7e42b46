using Amanat.Core.Data;
using Amanat.Core.Members;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Members;

/// <summary>
/// The members she may open, newest change first; and "find a member" by exact working name or UIC, which
/// answers with working names only, so an outreach worker can link a woman registered by a colleague
/// without opening her record. The search is a POST: names and UIC parts never travel in a URL.
/// </summary>
[RequirePermission(Permission.FindMember)]
internal sealed class MembersModel(AmanatDbContext db, MemberRecorder recorder) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public FindInput Find { get; set; } = new();

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<Member>? Found { get; private set; }

    public IReadOnlySet<Guid> Openable { get; private set; } = new HashSet<Guid>();

    public VocabularyList Vocabulary { get; private set; } = new([]);

    /// <summary>Back from forgetting a member.</summary>
    [BindProperty(SupportsGet = true, Name = "forgotten")]
    public bool Forgotten { get; set; }

    public bool CanFind => Permissions.Allows(User.Roles(), Permission.FindMember);

    public bool CanCreate => Permissions.Allows(User.Roles(), Permission.CreateRecords);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostFindAsync()
    {
        if (!CanFind)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadAsync();
        Found = await recorder.FindAsync(Find.WorkingName, new UicParts(Find.Sex, Find.BirthYear, Find.MotherName, Find.FatherName));
        var ids = Found.Select(m => m.Id).ToList();
        Openable = (await db.Members.VisibleTo(User.RequiredUserId(), User.Roles()).Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync()).ToHashSet();
        return Page();
    }

    private async Task LoadAsync()
    {
        var visible = db.Members.AsNoTracking().VisibleTo(User.RequiredUserId(), User.Roles());
        Total = await visible.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Members = await visible.OrderByDescending(m => m.UpdatedAtUtc).ThenBy(m => m.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        Vocabulary = await recorder.VocabularyAsync();
    }
}

internal sealed class FindInput
{
    public string? WorkingName { get; set; }

    public UicSex? Sex { get; set; }

    public int? BirthYear { get; set; }

    public string? MotherName { get; set; }

    public string? FatherName { get; set; }
}
