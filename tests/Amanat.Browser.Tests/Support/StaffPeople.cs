using Amanat.Browser.Tests.Pages;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Amanat.Browser.Tests.Support;

/// <summary>Staff accounts for browser tests: created through the application's own commands, signed in through the pages.</summary>
public static class StaffPeople
{
    public const string Password = "correct horse battery staple";

    /// <summary>An enrolled account; returns its authenticator key.</summary>
    public static async Task<string> CreateAsync(BrowserFixture.AmanatServer server, string userName, StaffRoles roles)
    {
        ArgumentNullException.ThrowIfNull(server);
        await using var scope = server.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var (user, _) = await accounts.AddAsync(userName, Password, roles);
        return (await accounts.EnrolNowAsync(user!)).Key;
    }

    /// <summary>Password and code on the Russian sign-in page, then the staff home.</summary>
    public static async Task SignInAsync(IPage page, string userName, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/staff/signin?lang=ru");
        await page.GetByLabel("Имя пользователя").FillAsync(userName);
        await page.GetByLabel("Пароль").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.GetByLabel("Код подтверждения").FillAsync(StaffSignInPages.CurrentCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Здравствуйте, {userName}");
    }

    /// <summary>
    /// What a page weighs on a fresh phone (nothing cached): bodies and headers of every response, as
    /// transferred. Fails if anything is loaded from another origin.
    /// </summary>
    public static async Task<(long Bytes, int Responses)> WeighAsync(BrowserFixture browser, string path, string locale)
    {
        ArgumentNullException.ThrowIfNull(browser);
        await using var phone = await browser.PhoneAsync(locale: locale);
        var page = await phone.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        long bytes = 0;
        foreach (var response in responses)
        {
            Assert.Equal(browser.BaseAddress.Authority, new Uri(response.Url).Authority);
            var sizes = await response.Request.SizesAsync();
            bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        return (bytes, responses.Count);
    }
}
