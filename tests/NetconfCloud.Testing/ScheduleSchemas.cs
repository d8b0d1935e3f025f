using System.Text.Json;
using System.Xml;
using System.Xml.Schema;
using Json.Schema;

namespace NetconfCloud.Testing;

/// <summary>
/// Validates schedule exports against the published schemas (copies in <c>Schemas/</c>, with their source): c3voc
/// <c>schedule.json</c> with JsonSchema.Net, asserting formats too (date-time, date, uri, uuid); frab
/// <c>schedule.xml</c> with <see cref="XmlSchemaSet"/>. Each returns the problems found, none when valid.
/// </summary>
public static class ScheduleSchemas
{
    private static readonly Lazy<JsonSchema> C3voc = new(() =>
        JsonSchema.FromText(File.ReadAllText(Repository.PathOf("tests", "NetconfCloud.Testing", "Schemas", "c3voc-schedule.schema.json"))));

    private static readonly Lazy<XmlSchemaSet> Frab = new(() =>
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(Repository.PathOf("tests", "NetconfCloud.Testing", "Schemas", "frab-schedule.xsd"));
        set.Add(null, reader);
        set.Compile();
        return set;
    });

    public static IReadOnlyList<string> C3vocJsonProblems(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = C3voc.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))];
    }

    public static IReadOnlyList<string> FrabXmlProblems(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Frab.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }
}
