using System.Diagnostics;

namespace NetconfCloud.Testing;

/// <summary>
/// Runs a Node script of the tests (an independent parser or decoder from the repository's npm install) from the
/// repository root, so that it finds node_modules: the input on standard input, the answer from standard output.
/// </summary>
public static class NodeScript
{
    /// <exception cref="InvalidDataException">The script failed; the message carries what it printed on standard error.</exception>
    public static async Task<string> RunAsync(string script, string input, string what)
    {
        var info = new ProcessStartInfo("node", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        using var node = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(input);
        node.StandardInput.Close();
        await node.WaitForExitAsync();
        return node.ExitCode == 0 ? await output : throw new InvalidDataException($"{what}: {await error}");
    }
}
