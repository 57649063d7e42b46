using System.Net;
using Amanat.Web.Tests.Support;

namespace Amanat.Web.Tests.Localization;

public abstract class LanguageTests(AmanatApp app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("ru", "Помощь, безопасность и информация")]
    [InlineData("kk", "Көмек, қауіпсіздік және ақпарат")]
    [InlineData("uz", "Yordam, xavfsizlik va maʼlumot")]
    [InlineData("en", "Help, safety and information")]
    public async Task Home_LanguageInUrl_IsShown(string lang, string heading)
    {
        var html = await App.Client().GetStringAsync(new Uri($"/?lang={lang}", UriKind.Relative));

        Assert.Equal(heading, Html.First(html, "h1"));
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kk-KZ,kk;q=0.9,ru;q=0.8", "kk")]
    [InlineData("uz-Latn-UZ,uz;q=0.9", "uz")]
    [InlineData("en-GB,en;q=0.9", "en")]
    [InlineData("de-DE,fr;q=0.5", "ru")]
    public async Task Home_WithoutLangInUrl_FollowsTheBrowser_ThenRussian(string acceptLanguage, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept-Language", acceptLanguage);

        using var response = await App.Client().SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains($"<html lang=\"{expected}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_KeepsTheLanguageInEveryLocalLink()
    {
        var html = await App.Client().GetStringAsync(new Uri("/?lang=uz", UriKind.Relative));

        var local = Html.Attributes(html, "a", "href").Where(x => x.StartsWith('/')).ToList();
        Assert.NotEmpty(local);
        Assert.All(local, href => Assert.Contains("lang=", href, StringComparison.Ordinal));
        Assert.Contains("/exit?lang=uz", local);
        Assert.Contains("/?lang=uz", local);
    }

    [Fact]
    public async Task Switcher_OffersAllFourLanguages_MarkingTheCurrentOne()
    {
        var html = await App.Client().GetStringAsync(new Uri("/?lang=kk", UriKind.Relative));

        var links = Html.Attributes(html, "a", "hreflang");
        Assert.Equal(["ru", "kk", "uz", "en"], links);
        Assert.Contains("aria-current=\"true\">Қазақша</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_SetsNoCookie()
    {
        using var response = await App.Client().GetAsync(new Uri("/?lang=kk", UriKind.Relative));

        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task StaffPath_RemembersTheChosenLanguageInACookie()
    {
        using var response = await App.Client().GetAsync(new Uri("/staff?lang=kk", UriKind.Relative));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".Amanat.Language=c%3Dkk%7Cuic%3Dkk", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/staff", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StaffPath_LanguageCookie_IsUsedOnStaffPathsOnly()
    {
        using var staff = new HttpRequestMessage(HttpMethod.Get, "/staff/anything");
        staff.Headers.Add("Cookie", ".Amanat.Language=c%3Den%7Cuic%3Den");
        staff.Headers.Add("Accept-Language", "ru");
        using var publicPage = new HttpRequestMessage(HttpMethod.Get, "/");
        publicPage.Headers.Add("Cookie", ".Amanat.Language=c%3Den%7Cuic%3Den");
        publicPage.Headers.Add("Accept-Language", "ru");

        using var staffResponse = await App.Client().SendAsync(staff);
        using var publicResponse = await App.Client().SendAsync(publicPage);

        Assert.Contains("<html lang=\"en\">", await staffResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ru\">", await publicResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_TitleIsNeutral()
    {
        var html = await App.Client().GetStringAsync(new Uri("/?lang=en", UriKind.Relative));

        Assert.Equal("Information", Html.First(html, "title"));
    }

    [Fact]
    public async Task UnknownLanguage_FallsBackWithoutError()
    {
        using var response = await App.Client().GetAsync(new Uri("/?lang=xx%3Cscript%3E", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : LanguageTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : LanguageTests(app);
}
