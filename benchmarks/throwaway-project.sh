# Sourced by the scripts that time a user's build (build-time.sh, generator-share.sh): writes a project that consumes
# Hooksmith from a checkout as samples/ does, with one schema file as its only HooksmithSchema.
# write_throwaway_project FOLDER REPO SCHEMA NAME  (NAME: the project file's and root namespace's name)
# The properties every throwaway project has (the schema project's Directory.Build.props, and an application beside it).
throwaway_properties() {
  cat <<XML
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <IsPackable>false</IsPackable>
  </PropertyGroup>
XML
}

write_throwaway_project() {
  local folder=$1 repo=$2 schema=$3 name=$4
  mkdir -p "$folder"
  cat >"$folder/Directory.Build.props" <<XML
<Project>
  <Import Project="$repo/src/Runtime/build/Hooksmith.props" />
$(throwaway_properties)
  <ItemGroup>
    <ProjectReference Include="$repo/src/Runtime/Hooksmith.csproj" />
    <ProjectReference Include="$repo/src/Generator/Hooksmith.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
XML
  cat >"$folder/Directory.Build.targets" <<XML
<Project>
  <Import Project="$repo/src/Runtime/build/Hooksmith.targets" />
</Project>
XML
  cat >"$folder/$name.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <RootNamespace>$name</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <HooksmithSchema Include="$schema" Namespace="Vendor.Voucherify" />
  </ItemGroup>
</Project>
XML
}
