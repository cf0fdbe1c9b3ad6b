using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Scan;

/// <summary>
/// Builds every stage's effective parameters: declared defaults, then the <c>stages:</c> section of scan.yaml,
/// then the <c>--set</c> overrides, each value parsed and checked by its declaration.
/// </summary>
internal static class StagesSection
{
    private const string SectionKey = "stages";

    public static StageParameterSet? Read(
        YamlMappingReader root, StageCatalog catalog, IEnumerable<string> overrides, ScanProblemList problems)
    {
        var problemsBefore = problems.Count;
        var given = catalog.Stages.ToDictionary(stage => stage.Name, _ => new Dictionary<string, object>(StringComparer.Ordinal));

        var section = root.Mapping(SectionKey, required: false, "a mapping from stage name to its parameters");
        if (section is not null)
        {
            ReadFile(section, catalog, given);
        }

        foreach (var argument in overrides)
        {
            ApplyOverride(argument, catalog, given, problems);
        }

        var byStage = new Dictionary<string, StageParameters>(StringComparer.Ordinal);
        foreach (var stage in catalog.Stages)
        {
            var values = given[stage.Name];
            foreach (var parameter in stage.Parameters)
            {
                if (values.ContainsKey(parameter.Name))
                {
                    continue;
                }

                if (parameter.Default is { } fallback)
                {
                    values[parameter.Name] = fallback;
                }
                else
                {
                    root.Context.Report($"{SectionKey}.{stage.Name}.{parameter.Name}",
                        $"missing required parameter; expected {parameter.Expected} ({parameter.Description}).",
                        section?.KeyNode(stage.Name) ?? section?.Node ?? root.Node);
                }
            }

            if (values.Count == stage.Parameters.Count)
            {
                var parameters = new StageParameters(stage, values);
                foreach (var message in stage.CheckTogether(parameters))
                {
                    root.Context.Report($"{SectionKey}.{stage.Name}", message, section?.KeyNode(stage.Name) ?? section?.Node);
                }

                byStage[stage.Name] = parameters;
            }
        }

        return problems.Count == problemsBefore ? new StageParameterSet(byStage) : null;
    }

    private static void ReadFile(YamlMappingReader section, StageCatalog catalog, Dictionary<string, Dictionary<string, object>> given)
    {
        foreach (var stageName in section.Keys)
        {
            var schema = catalog.Find(stageName);
            if (schema is null)
            {
                section.Raw(stageName, required: false, "");
                section.Context.Report(section.PathOf(stageName),
                    KeySuggestion.UnknownKeyMessage("stage", stageName, catalog.Names), section.KeyNode(stageName));
                continue;
            }

            var stage = section.Mapping(stageName, required: false, $"a mapping of {stageName} parameters");
            if (stage is null)
            {
                continue;
            }

            foreach (var parameterName in stage.Keys)
            {
                ReadParameter(stage, schema, parameterName, given[schema.Name]);
            }
        }
    }

    private static void ReadParameter(YamlMappingReader stage, StageSchema schema, string name, Dictionary<string, object> values)
    {
        var definition = schema.Find(name);
        var keyPath = stage.PathOf(name);
        if (definition is null)
        {
            stage.Context.Report(keyPath,
                KeySuggestion.UnknownKeyMessage("parameter", name, schema.Parameters.Select(p => p.Name).ToList()),
                stage.KeyNode(name));
            return;
        }

        var node = stage.Peek(name)!;
        if (node is not YamlScalarNode scalar || YamlMappingReader.IsNull(scalar))
        {
            var got = YamlMappingReader.IsNull(node) ? "no value (remove the key to use the default)" : YamlMappingReader.Show(node);
            stage.Context.Report(keyPath, $"expected {definition.Expected}, got {got}.", node);
            return;
        }

        var value = definition.Parse(scalar.Value!, YamlMappingReader.IsQuoted(scalar), out var problem);
        if (value is null)
        {
            stage.Context.Report(keyPath, problem!, scalar);
            return;
        }

        values[name] = value;
    }

    private static void ApplyOverride(
        string argument, StageCatalog catalog, Dictionary<string, Dictionary<string, object>> given, ScanProblemList problems)
    {
        var parsed = ParameterOverride.TryParse(argument, out var formProblem);
        if (parsed is null)
        {
            problems.Add("--set " + argument, "", formProblem!);
            return;
        }

        var schema = catalog.Find(parsed.Stage);
        if (schema is null)
        {
            problems.Add(parsed.Source, $"{SectionKey}.{parsed.Stage}",
                KeySuggestion.UnknownKeyMessage("stage", parsed.Stage, catalog.Names));
            return;
        }

        var keyPath = $"{SectionKey}.{parsed.Stage}.{parsed.Parameter}";
        var definition = schema.Find(parsed.Parameter);
        if (definition is null)
        {
            problems.Add(parsed.Source, keyPath,
                KeySuggestion.UnknownKeyMessage("parameter", parsed.Parameter, schema.Parameters.Select(p => p.Name).ToList()));
            return;
        }

        var value = definition.Parse(parsed.Value, quoted: false, out var problem);
        if (value is null)
        {
            problems.Add(parsed.Source, keyPath, problem!);
            return;
        }

        given[schema.Name][definition.Name] = value;
    }
}
