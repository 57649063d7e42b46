using Amanat.Core.Data;
using Amanat.Core.Members;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Members;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Members;

/// <summary>Changes a member's record; the UIC is kept unless its parts are given again.</summary>
[RequirePermission(Permission.CreateRecords)]
internal sealed class EditMemberModel(AmanatDbContext db, MemberRecorder recorder, IStringLocalizer<SharedResource> localizer)
    : MemberFormPage(db, recorder, localizer)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public bool HasUic { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAsync() is not { } member)
        {
            return NotFound();
        }

        Input = MemberInput.From(member);
        await LoadVocabularyAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindAsync() is not { } member)
        {
            return NotFound();
        }

        return await SaveAsync(member) is null ? Page() : Redirect($"/staff/members/{member.Id}?saved=true");
    }

    private async Task<Member?> FindAsync()
    {
        var member = await Db.Members.VisibleTo(User.RequiredUserId(), User.Roles()).SingleOrDefaultAsync(x => x.Id == Id);
        HasUic = member?.UicIndex is not null;
        ViewData["HasUic"] = HasUic;
        return member;
    }
}
