namespace Hooksmith.Cli.CommandLine;

/// <summary>The help text.</summary>
internal static class Usage
{
    /// <summary>What <c>hooksmith --help</c> prints.</summary>
    public const string Text = """
        Usage: hooksmith validate --schema <file>[#<pointer>] [options] <payload>...
               hooksmith diff OLD NEW [options]          (schema drift; 'hooksmith diff --help')
               hooksmith lock SCHEMA... [--out FILE]
               hooksmith check --lock FILE SCHEMA... [options]
               hooksmith dead-letters list|show|replay --folder DIR ...   (kept deliveries; 'hooksmith dead-letters --help')

        Validates JSON payloads against a JSON Schema (or a schema inside an OpenAPI document) with the
        validators the Hooksmith generator writes for it, compiled on the spot.

        Payloads:
          <file>                        a JSON file
          <folder>                      every *.json file under the folder, recursively, in path order
          -                             JSON Lines on standard input: one JSON value per non-empty line

        Options:
          --schema <file>[#<pointer>]   the schema file, and the JSON Pointer of a schema in it
                                        ('order.json#/$defs/Order', quoted for the shell; none
                                        for the file's root)
          --dialect <name>              dialect of schema files without $schema: draft-04, draft-06,
                                        draft-07, 2019-09 or 2020-12 (the default)
          --base-uri <uri>=<folder>     read every *.json file under <folder> too, each as the schema
                                        published at <uri> plus its path in the folder, so $refs to
                                        them resolve offline; may be repeated
          --format-assertion            make "format" an assertion: a string that is no date-time
                                        (email, uri, ...) fails
          --output text|json            text (the default), or JSON Lines: one object per payload
          -h, --help                    show this help

        Exit codes: 0 every payload is valid; 1 a payload is invalid; 2 a usage error, a file that
        cannot be read, or a schema with errors.

        Example:
          hooksmith validate --schema schemas/voucherify/customer-order-updated.json \
            --base-uri https://schemas.hooksmith.dev/voucherify/=schemas/voucherify payloads/
        """;
}
