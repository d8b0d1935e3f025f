using NetconfCloud.Testing;

namespace NetconfCloud.Docs.Tests;

/// <summary>The Markdown files whose shell blocks are tested: README.md, docs/**/*.md and src/*/README.md.</summary>
public static class DocumentationFiles
{
    public static IReadOnlyList<string> All()
    {
        var files = new List<string> { "README.md" };
        var docs = Repository.PathOf("docs");
        if (Directory.Exists(docs))
        {
            files.AddRange(Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories)
                .Select(Relative)
                .Order(StringComparer.Ordinal));
        }

        files.AddRange(Directory.EnumerateDirectories(Repository.PathOf("src"))
            .Select(project => Path.Combine(project, "README.md"))
            .Where(File.Exists)
            .Select(Relative)
            .Order(StringComparer.Ordinal));
        return files;
    }

    public static TheoryData<string> Theory()
    {
        var data = new TheoryData<string>();
        foreach (var file in All())
        {
            data.Add(file);
        }

        return data;
    }

    public static IReadOnlyList<ShellBlock> BlocksOf(string file) =>
        ShellBlocks.Read(file, File.ReadAllText(Repository.PathOf(file)));

    private static string Relative(string path) => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
}
