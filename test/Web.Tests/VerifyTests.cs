using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Network.Tests.Harness;
using Orleans.Blockchain.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Orleans.Blockchain.Web.Tests;

/// <summary>"Verify" on a message: the page fetches its proof and checks every step with crypto.subtle.</summary>
public sealed class VerifyTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_signed_message_verifies_step_by_step_and_a_tampered_bundle_fails_at_the_root()
    {
        await using var network = await MinerNetwork.StartAsync(1, new MinerSettings { Difficulty = 3 });
        var miner = network[0];
        const string text = "Check me in your browser";
        var (privateKey, publicKey) = MessageSignature.CreateKey();
        var author = MessageSignature.Sign(privateKey, DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), text);
        using var added = await miner.Http.PutAsync(
            $"add?message={Uri.EscapeDataString(text)}&publicKey={author.PublicKey}&signedAt={author.SignedAt.ToUnixTimeMilliseconds()}&signature={author.Signature}", null);
        added.EnsureSuccessStatusCode();
        await using var page = await chromium.OpenAsync(miner.Url);

        await page.MessageInChain(text).Locator("button.verify").ClickAsync();

        var steps = page.Page.Locator("#verify-steps");
        await Expect(page.Page.Locator("#verify-summary")).ToHaveAttributeAsync("data-ok", "true");
        await Expect(page.Page.Locator("#verify-summary")).ToContainTextAsync($"Verified: “{text}” is in block #1");
        foreach (var step in new[] { "leaf", "signature", "path", "root", "header", "work", "tip" })
        {
            await Expect(steps.Locator($"li[data-step='{step}']")).ToHaveAttributeAsync("data-ok", "true");
        }

        await Expect(steps.Locator("li[data-step='signature']")).ToContainTextAsync(MessageSignature.Fingerprint(Convert.ToHexStringLower(publicKey)));
        await Expect(steps.Locator("li[data-step='header'] .hash")).ToHaveTextAsync((await miner.GetChainAsync()).Chain[1].Hash);
        await page.ScreenshotAsync("verify.png");
        await page.Page.Locator("#verify-close").ClickAsync();

        // The same message, with one digit of its block's messages root changed on the way to the page.
        await page.Page.RouteAsync("**/messages/*/proof", async route =>
        {
            var response = await route.FetchAsync();
            var bundle = JsonNode.Parse(await response.TextAsync())!;
            var root = bundle["headers"]![0]!["messagesRoot"]!.GetValue<string>();
            bundle["headers"]![0]!["messagesRoot"] = (root[0] == '0' ? '1' : '0') + root[1..];
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = bundle.ToJsonString() });
        });
        await page.MessageInChain(text).Locator("button.verify").ClickAsync();

        await Expect(page.Page.Locator("#verify-summary")).ToHaveAttributeAsync("data-ok", "false");
        await Expect(page.Page.Locator("#verify-summary")).ToContainTextAsync("Not verified: the root check fails.");
        await Expect(steps.Locator("li[data-step='path']")).ToHaveAttributeAsync("data-ok", "true");
        await Expect(steps.Locator("li[data-step='root']")).ToHaveAttributeAsync("data-ok", "false");
        await Expect(steps.Locator("li[data-step='header']")).ToHaveCountAsync(0);
        Assert.Empty(page.Errors);
    }
}
