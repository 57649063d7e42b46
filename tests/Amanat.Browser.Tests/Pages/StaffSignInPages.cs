using Microsoft.Playwright;
using OtpNet;

namespace Amanat.Browser.Tests.Pages;

/// <summary>Page object of the staff sign-in steps, found by labels and roles.</summary>
public sealed class StaffSignInPages(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Alert => Page.GetByRole(AriaRole.Alert);

    public static string CurrentCode(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);

    public async Task EnterPasswordAsync(string userName, string password)
    {
        await Page.GotoAsync("/staff/signin");
        await Page.GetByLabel("Username").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async Task EnterCodeAsync(string code)
    {
        await Page.GetByLabel("Code").FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async Task SignInAsync(string userName, string password, string key)
    {
        await EnterPasswordAsync(userName, password);
        await EnterCodeAsync(CurrentCode(key));
    }
}
