using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Members;

/// <summary>The 14-day list: a stay deadline of her member, a follow-up incident; the staff home shows a count only.</summary>
public abstract class TasksTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task ADeadlineComingUp_IsListed_AndTheHomeShowsOnlyACount()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var colleague = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        using var created = await outreach.PostFormAsync("/staff/members/new", new() { ["Input.WorkingName"] = "Мохира", ["Input.NationalityCode"] = "UZ" });
        var id = await App.WithDbAsync(db => db.Members.Select(m => m.Id).SingleAsync());
        var today = App.Today;
        var entered = today.AddDays(-25); // 30 days without registration: the last is in 4 days
        using var entry = await outreach.PostFormAsync($"/staff/members/{id}/stay", new() { ["kind"] = "Entry", ["on"] = entered.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, $"/staff/members/{id}/stay?handler=Movement");

        var tasks = await outreach.Http.GetStringAsync(new Uri("/staff/tasks?lang=ru", UriKind.Relative));
        var home = await outreach.Http.GetStringAsync(new Uri("/staff?lang=ru", UriKind.Relative));
        var others = await colleague.Http.GetStringAsync(new Uri("/staff/tasks?lang=ru", UriKind.Relative));

        Assert.Contains("Мохира", tasks, StringComparison.Ordinal);
        Assert.Contains("Регистрация или разрешение нужны до", tasks, StringComparison.Ordinal);
        Assert.Contains(entered.AddDays(29).ToString("d", System.Globalization.CultureInfo.GetCultureInfo("ru")), tasks, StringComparison.Ordinal);
        Assert.Contains("Дел со сроком: ", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Мохира", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Мохира", others, StringComparison.Ordinal);
        Assert.Contains("Ничего срочного.", others, StringComparison.Ordinal);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : TasksTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : TasksTests(app);
}
