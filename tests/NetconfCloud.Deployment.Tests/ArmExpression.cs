using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NetconfCloud.Deployment.Tests;

/// <summary>
/// Evaluates the few ARM template expressions our app settings use: string literals, numbers, <c>parameters()</c>,
/// <c>variables()</c>, <c>format()</c>, <c>string()</c> and <c>concat()</c>. Anything else (e.g. <c>reference()</c>, known
/// only once deployed) throws, so a setting whose value the tests cannot know has to be substituted on purpose.
/// </summary>
internal sealed class ArmExpression
{
    private readonly string text;
    private readonly Func<string, string> parameter;
    private readonly JsonElement variables;
    private int position;

    private ArmExpression(string text, Func<string, string> parameter, JsonElement variables)
    {
        this.text = text;
        this.parameter = parameter;
        this.variables = variables;
    }

    /// <summary>The value of a template string: itself, or what its <c>[expression]</c> evaluates to.</summary>
    public static string Evaluate(string value, Func<string, string> parameter, JsonElement template)
    {
        if (!value.StartsWith('[') || value.StartsWith("[[", StringComparison.Ordinal))
        {
            return value.StartsWith("[[", StringComparison.Ordinal) ? value[1..] : value;
        }

        var variables = template.TryGetProperty("variables", out var v) ? v : default;
        var expression = new ArmExpression(value[1..^1], parameter, variables);
        var result = expression.Value();
        if (expression.position != expression.text.Length)
        {
            throw new NotSupportedException($"Cannot evaluate '{value}' (stopped at {expression.position}).");
        }

        return result;
    }

    private string Value()
    {
        SkipSpaces();
        var c = text[position];
        if (c == '\'')
        {
            return StringLiteral();
        }

        if (char.IsDigit(c))
        {
            var start = position;
            while (position < text.Length && char.IsDigit(text[position]))
            {
                position++;
            }

            return text[start..position];
        }

        var nameStart = position;
        while (position < text.Length && char.IsLetter(text[position]))
        {
            position++;
        }

        var name = text[nameStart..position];
        Expect('(');
        var arguments = new List<string>();
        SkipSpaces();
        while (text[position] != ')')
        {
            arguments.Add(Value());
            SkipSpaces();
            if (text[position] == ',')
            {
                position++;
            }
        }

        position++;
        if (position < text.Length && text[position] is '.' or '[')
        {
            throw new NotSupportedException($"Cannot evaluate a property or index of {name}() in '{text}'.");
        }

        return name switch
        {
            "parameters" => parameter(arguments.Single()),
            "variables" => Variable(arguments.Single()),
            "format" => string.Format(CultureInfo.InvariantCulture, arguments[0], [.. arguments.Skip(1)]),
            "string" => arguments.Single(),
            "concat" => string.Concat(arguments),
            _ => throw new NotSupportedException($"Cannot evaluate {name}() in '{text}'."),
        };
    }

    private string Variable(string name)
    {
        var value = variables.GetProperty(name);
        return value.ValueKind == JsonValueKind.String
            ? Evaluate(value.GetString()!, parameter, JsonDocument.Parse($"{{\"variables\":{variables.GetRawText()}}}").RootElement)
            : value.GetRawText();
    }

    private string StringLiteral()
    {
        var result = new StringBuilder();
        position++;
        while (true)
        {
            var c = text[position++];
            if (c == '\'')
            {
                if (position < text.Length && text[position] == '\'')
                {
                    result.Append('\'');
                    position++;
                    continue;
                }

                return result.ToString();
            }

            result.Append(c);
        }
    }

    private void Expect(char c)
    {
        SkipSpaces();
        if (position >= text.Length || text[position] != c)
        {
            throw new NotSupportedException($"Cannot evaluate '{text}': expected '{c}' at {position}.");
        }

        position++;
    }

    private void SkipSpaces()
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }
}
