using System.Text.Json;
using Microsoft.Playwright;
using NetconfCloud.Testing;

namespace NetconfCloud.Browser.Tests;

/// <summary>
/// axe-core (Deque's accessibility rules engine, from the repository's npm install) run inside the page: a checker we
/// did not write, over WCAG 2.x A and AA (contrast, names, landmarks, headings, labels, ARIA).
/// </summary>
internal static class Axe
{
    /// <summary>The violations found, each a line; and how many rules passed (so that a run that checked nothing is seen).</summary>
    public static async Task<(IReadOnlyList<string> Violations, int RulesPassed)> RunAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Repository.PathOf("node_modules", "axe-core", "axe.min.js") });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
              return JSON.stringify({
                passes: result.passes.length,
                violations: result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })),
              });
            }
            """);
        using var document = JsonDocument.Parse(json);
        var violations = document.RootElement.GetProperty("violations").EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}");
        return ([.. violations], document.RootElement.GetProperty("passes").GetInt32());
    }
}
