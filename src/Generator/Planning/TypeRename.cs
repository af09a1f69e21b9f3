namespace Hooksmith.Generator.Planning;

/// <summary>A name a file claims that another file in its namespace claims too, and the name it gets instead.</summary>
/// <param name="FullName">The name planning gave (a type's or the file's validator class's full name).</param>
/// <param name="NewFullName">The name it is generated with.</param>
/// <param name="OtherPaths">The other files that claimed the name, for the diagnostic.</param>
/// <param name="ByFolder">Whether the file's folders told it apart (else it was numbered, which only validator classes are).</param>
internal sealed record TypeRename(string FullName, string NewFullName, string OtherPaths, bool ByFolder);
