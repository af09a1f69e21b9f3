using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Hooksmith.Serialization;

namespace Hooksmith.Runtime.Tests.Serialization;

/// <summary>
/// <see cref="ObjectWriter"/> holds the rules each generated <c>WriteTo</c> once spelled out per member: a value is
/// written; a missing one is JSON null where the payload had null (parsed) or the member is required (built in code),
/// unless a raw value of that name is kept; a non-nullable value type is written unless a parsed payload lacked it;
/// kept raw members come last. These tests check the helper against those rules written out independently.
/// </summary>
public sealed class ObjectWriterTests
{
    private static readonly string[] Names = ["a", "b", "c", "d", "é"];

    private sealed record Member(string Name, int Kind, bool IsRequired, string? Text, long? Number, long Plain);

    private sealed record Case(bool Parsed, ulong Bound, Member[] Members, string[] Kept);

    private static readonly Gen<Member> MemberGen =
        Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.String[Gen.Char["xyz\"\\é"], 0, 4].Null(), Gen.Long[-4, 3].Select(v => v < -3 ? null : (long?)v), Gen.Long[-3, 3])
            .Select((kind, required, text, number, plain) => new Member(string.Empty, kind, required, text, number, plain));

    private static readonly Gen<Case> CaseGen =
        Gen.Select(Gen.Bool, Gen.ULong, MemberGen.Array[0, Names.Length], Gen.Int[0, 5].Array[0, 3])
            .Select((parsed, bound, members, kept) => new Case(
                parsed,
                bound,
                members.Select((m, i) => m with { Name = Names[i] }).ToArray(),
                kept.Select(i => i < Names.Length ? Names[i] : "extra").Distinct().ToArray()));

    [Fact]
    public void Members_are_written_as_the_presence_null_and_kept_member_rules_say()
    {
        CaseGen.Sample(c => Assert.Equal(Expected(c), Written(c)));
    }

    [Fact]
    public void A_parsed_value_type_member_the_payload_lacked_is_not_written()
    {
        var json = Write(new MemberPresence(0, null), null, members => members.Write<long, Int64Codec>("n"u8, 0, 5));
        Assert.Equal("{}", json);
    }

    [Fact]
    public void A_required_member_built_in_code_without_a_value_is_written_as_null_unless_a_raw_value_is_kept()
    {
        Assert.Equal("""{"s":null}""", Write(default, null, members => members.Write<string, StringCodec>("s"u8, 0, null, isRequired: true)));
        var kept = new Dictionary<string, JsonElement> { ["s"] = JsonDocument.Parse("12").RootElement };
        Assert.Equal("""{"s":12}""", Write(default, kept, members => members.Write<string, StringCodec>("s"u8, 0, null, isRequired: true)));
    }

    [Fact]
    public void A_date_time_member_without_a_spelling_is_written_from_its_value()
    {
        var value = new DateTimeOffset(2024, 3, 12, 8, 37, 24, TimeSpan.Zero);
        Assert.Equal("""{"t":"2024-03-12T08:37:24.000Z"}""", Write(default, null, members => members.WriteDateTime("t"u8, 0, value)));
        Assert.Equal("""{"t":null}""", Write(new MemberPresence(1, null), null, members => members.WriteDateTime("t"u8, 0, null, isRequired: false)));
        Assert.Equal("{}", Write(default, null, members => members.WriteDateTime("t"u8, 0, null, isRequired: false)));
    }

    private delegate void Members(ObjectWriter members);

    private static string Write(MemberPresence presence, IReadOnlyDictionary<string, JsonElement>? kept, Members write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var members = ObjectWriter.Start(writer, presence, kept);
            write(members);
            members.End();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Dictionary<string, JsonElement>? KeptOf(Case c)
        => c.Kept.Length == 0 ? null : c.Kept.ToDictionary(name => name, name => JsonDocument.Parse(name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).RootElement);

    private static string Written(Case c)
    {
        var presence = c.Parsed ? new MemberPresence(c.Bound, null) : default;
        return Write(presence, KeptOf(c), members =>
        {
            for (var index = 0; index < c.Members.Length; index++)
            {
                var member = c.Members[index];
                var name = Encoding.UTF8.GetBytes(member.Name);
                switch (member.Kind)
                {
                    case 0:
                        members.Write<string, StringCodec>(name, index, member.Text, member.IsRequired);
                        break;
                    case 1:
                        members.Write<long, Int64Codec>(name, index, member.Number, member.IsRequired);
                        break;
                    default:
                        members.Write<long, Int64Codec>(name, index, member.Plain);
                        break;
                }
            }
        });
    }

    /// <summary>The rules, as the emitter wrote them out for each member before the helper held them.</summary>
    private static string Expected(Case c)
    {
        var kept = KeptOf(c);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var index = 0; index < c.Members.Length; index++)
            {
                var member = c.Members[index];
                var bound = (c.Bound & (1UL << index)) != 0;
                var shouldWriteNull = c.Parsed ? bound : member.IsRequired;
                var keeps = kept is not null && kept.ContainsKey(member.Name);
                switch (member.Kind)
                {
                    case 0 when member.Text is not null:
                        writer.WriteString(member.Name, member.Text);
                        break;
                    case 1 when member.Number is not null:
                        writer.WriteNumber(member.Name, member.Number.Value);
                        break;
                    case 0 or 1:
                        if (shouldWriteNull && !keeps)
                        {
                            writer.WriteNull(member.Name);
                        }

                        break;
                    default:
                        if (!c.Parsed || bound)
                        {
                            writer.WriteNumber(member.Name, member.Plain);
                        }

                        break;
                }
            }

            foreach (var (name, value) in kept ?? new Dictionary<string, JsonElement>())
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
