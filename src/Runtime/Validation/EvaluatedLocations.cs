using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace Hooksmith.Validation;

/// <summary>
/// The members and items of one instance that subschemas have evaluated, which
/// <c>unevaluatedProperties</c> and <c>unevaluatedItems</c> look at. Generated validators fill it only
/// when a schema uses one of those keywords.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvaluatedLocations
{
    private readonly HashSet<string> _names = new(System.StringComparer.Ordinal);
    private readonly HashSet<int> _indices = [];
    private bool _allProperties;
    private bool _allItems;
    private int _prefix;

    /// <summary>Marks a member as evaluated.</summary>
    public void AddProperty(in JsonProperty property)
    {
        if (!_allProperties)
        {
            _names.Add(property.Name);
        }
    }

    /// <summary>
    /// Marks a member as evaluated when <c>properties</c> names it: <paramref name="member"/> is its index there, as
    /// <see cref="PropertyNameSet.IndexOf(in JsonProperty)"/> found it, negative when it is not named.
    /// </summary>
    public void AddProperty(in JsonProperty property, int member)
    {
        if (member >= 0)
        {
            AddProperty(property);
        }
    }

    /// <summary>Marks every member as evaluated.</summary>
    public void AddAllProperties() => _allProperties = true;

    /// <summary>Whether a member has been evaluated.</summary>
    public bool HasProperty(in JsonProperty property) => _allProperties || (_names.Count > 0 && _names.Contains(property.Name));

    /// <summary>Marks the first <paramref name="count"/> items as evaluated.</summary>
    public void AddItems(int count)
    {
        if (count > _prefix)
        {
            _prefix = count;
        }
    }

    /// <summary>Marks one item as evaluated.</summary>
    public void AddItem(int index)
    {
        if (!_allItems && index >= _prefix)
        {
            _indices.Add(index);
        }
    }

    /// <summary>Marks every item as evaluated.</summary>
    public void AddAllItems() => _allItems = true;

    /// <summary>Whether an item has been evaluated.</summary>
    public bool HasItem(int index) => _allItems || index < _prefix || (_indices.Count > 0 && _indices.Contains(index));

    /// <summary>Adds what another (successful) subschema evaluated.</summary>
    public void Add(EvaluatedLocations other)
    {
        _allProperties |= other._allProperties;
        _allItems |= other._allItems;
        AddItems(other._prefix);
        if (!_allProperties)
        {
            _names.UnionWith(other._names);
        }

        if (!_allItems)
        {
            _indices.UnionWith(other._indices);
        }
    }

    internal void Clear()
    {
        _names.Clear();
        _indices.Clear();
        _allProperties = false;
        _allItems = false;
        _prefix = 0;
    }
}
