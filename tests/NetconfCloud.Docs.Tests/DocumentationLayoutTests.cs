using System.Text.RegularExpressions;
using NetconfCloud.Testing;

namespace NetconfCloud.Docs.Tests;

public partial class DocumentationLayoutTests
{
    [Fact]
    public void TheReadmeIsTheWayInAtMost150Lines()
    {
        var lines = File.ReadAllLines(Repository.PathOf("README.md"));

        Assert.InRange(lines.Length, 1, 150);
    }

    [Fact]
    public void EverySourceProjectHasAReadmeAndTheReadmeLinksTheProject()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        // The projects are the folders with a project file (a folder left over from a removed project has only bin/ and obj/).
        var projects = Directory.EnumerateDirectories(Repository.PathOf("src")).Where(d => Directory.EnumerateFiles(d, "*.csproj").Any()).Select(Path.GetFileName).ToList();

        Assert.All(projects, project =>
        {
            Assert.True(File.Exists(Repository.PathOf("src", project!, "README.md")), $"src/{project}/README.md is missing");
            Assert.Contains($"](src/{project})", readme, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TheReadmeMapsEveryFileOfDocs()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var docs = Directory.EnumerateFiles(Repository.PathOf("docs"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'));

        Assert.All(docs, doc => Assert.Contains($"]({doc})", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryRelativeLinkInTheDocumentationLeadsToAFileOrFolderThatExists()
    {
        var broken = DocumentationFiles.All()
            .SelectMany(file => Link().Matches(File.ReadAllText(Repository.PathOf(file)))
                .Select(m => m.Groups["target"].Value)
                .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#') && !target.StartsWith("mailto:", StringComparison.Ordinal))
                .Select(target => (file, target, path: Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Repository.PathOf(file))!, target.Split('#')[0])))))
            .Where(link => !File.Exists(link.path) && !Directory.Exists(link.path))
            .Select(link => $"{link.file}: {link.target}");

        Assert.Empty(broken);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
