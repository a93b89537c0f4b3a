package render

import (
	"fmt"
	"io"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/vpcplan/vpcplan/internal/parallel"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// colors are Terraform's escape codes; the empty palette prints none.
type palette struct {
	green, red, yellow, cyan, bold, gray, reset string
}

func newPalette(color bool) palette {
	if !color {
		return palette{}
	}
	return palette{green: "\x1b[32m", red: "\x1b[31m", yellow: "\x1b[33m", cyan: "\x1b[36m", bold: "\x1b[1m", gray: "\x1b[90m", reset: "\x1b[0m"}
}

// symbol returns the action's three-column marker, coloured.
func (c palette) symbol(a planner.Action) string {
	switch a {
	case planner.Create:
		return "  " + c.green + "+" + c.reset
	case planner.Delete:
		return "  " + c.red + "-" + c.reset
	case planner.Update:
		return "  " + c.yellow + "~" + c.reset
	case planner.DeleteThenCreate:
		return c.red + "-" + c.reset + "/" + c.green + "+" + c.reset
	case planner.CreateThenDelete:
		return c.green + "+" + c.reset + "/" + c.red + "-" + c.reset
	case planner.Read:
		return " " + c.cyan + "<=" + c.reset
	}
	return "   "
}

// PlanText writes the plan as Terraform's human plan output, from the
// legend to the summary line (or the "No changes." message). The caller
// prints diagnostics, the horizontal rule and the notes about saving.
func PlanText(w io.Writer, p *planner.Plan, opts Options) error {
	pw := &planWriter{c: newPalette(opts.Color)}
	pw.plan(p)
	pw.externalNote(p)
	_, err := io.WriteString(w, pw.b.String())
	return err
}

type planWriter struct {
	b strings.Builder
	c palette
}

func (pw *planWriter) printf(format string, args ...any) { fmt.Fprintf(&pw.b, format, args...) }

func (pw *planWriter) plan(p *planner.Plan) {
	c := pw.c
	var changes []*planner.Change
	present := map[planner.Action]bool{}
	for _, ch := range p.Changes {
		if ch.Action == planner.NoOp && !ch.Moved {
			continue
		}
		changes = append(changes, ch)
		if ch.Action != planner.NoOp {
			present[ch.Action] = true
		}
	}
	outputsChanged := false
	for _, o := range p.Outputs {
		outputsChanged = outputsChanged || o.Action != planner.NoOp
	}
	if len(changes) == 0 {
		if outputsChanged {
			pw.printf("\nChanges to Outputs:\n")
			pw.outputs(p)
			pw.printf("\nYou can apply this plan to save these new output values to the state,\nwithout changing any real infrastructure.\n")
			return
		}
		pw.printf("\n%sNo changes.%s %sYour infrastructure matches the configuration.%s\n\n", c.green+c.bold, c.reset, c.bold, c.reset)
		pw.printf("vpcplan has compared your recorded infrastructure against your\nconfiguration and found no differences, so no changes are needed.\n")
		return
	}
	if len(present) > 0 { // with only moves, Terraform shows no legend
		pw.printf("\nvpcplan used the selected providers to generate the following execution\nplan. Resource actions are indicated with the following symbols:\n")
		legend := []struct {
			a    planner.Action
			text string
		}{
			{planner.Create, "create"},
			{planner.Update, "update in-place"},
			{planner.Delete, "destroy"},
			{planner.DeleteThenCreate, "destroy and then create replacement"},
			{planner.CreateThenDelete, "create replacement and then destroy"},
			{planner.Read, "read (data resources)"},
		}
		for _, l := range legend {
			if present[l.a] {
				pw.printf("%s %s\n", c.symbol(l.a), l.text)
			}
		}
	}
	pw.printf("\nvpcplan will perform the following actions:\n")
	// Each change renders on its own, so large plans render in parallel
	// and are joined in order.
	texts := make([]string, len(changes))
	parallel.For(len(changes), func(i int) {
		one := &planWriter{c: pw.c}
		one.change(changes[i])
		texts[i] = one.b.String()
	})
	for _, t := range texts {
		pw.b.WriteString("\n")
		pw.b.WriteString(t)
	}
	add, change, destroy := p.Counts()
	pw.printf("\n%sPlan:%s %d to add, %d to change, %d to destroy.\n", c.bold, c.reset, add, change, destroy)
	if outputsChanged {
		pw.printf("\nChanges to Outputs:\n")
		pw.outputs(p)
	}
}

// externalNote says how many values the plan assumed unchanged because
// they come from outside vpcplan's model.
func (pw *planWriter) externalNote(p *planner.Plan) {
	n := p.ExternalCount()
	if n == 0 {
		return
	}
	what, verb := "values come", "are"
	if n == 1 {
		what, verb = "value comes", "is"
	}
	pw.printf("\nNote: %d %s from outside vpcplan (module outputs, data sources, other\nproviders' resources) and %s assumed unchanged.\n", n, what, verb)
}

// change renders one resource instance change.
func (pw *planWriter) change(ch *planner.Change) {
	c := pw.c
	addr := ch.Addr.String()
	switch ch.Action {
	case planner.Create:
		pw.printf("%s  # %s%s will be created\n", c.bold, addr, c.reset)
	case planner.Update:
		pw.printf("%s  # %s%s will be updated in-place\n", c.bold, addr, c.reset)
	case planner.Delete:
		pw.printf("%s  # %s%s will be %sdestroyed%s\n", c.bold, addr, c.reset, c.bold+c.red, c.reset)
		switch ch.Reason {
		case "delete_because_no_resource_config":
			pw.printf("  # (because %s is not in configuration)\n", ch.Addr.Resource)
		case "delete_because_count_index":
			pw.printf("  # (because index %s is out of range for count)\n", ch.Addr.Key)
		case "delete_because_each_key":
			pw.printf("  # (because key %s is not in for_each map)\n", ch.Addr.Key)
		case "delete_because_wrong_repetition":
			pw.printf("  # (because resource uses count or for_each)\n")
		}
	case planner.DeleteThenCreate, planner.CreateThenDelete:
		pw.printf("%s  # %s%s must be %sreplaced%s\n", c.bold, addr, c.reset, c.bold+c.red, c.reset)
	case planner.Read:
		pw.printf("%s  # %s%s will be read during apply\n", c.bold, addr, c.reset)
	case planner.NoOp:
		pw.printf("%s  # %s%s has moved to %s%s%s\n", c.bold, ch.PreviousAddr, c.reset, c.bold, addr, c.reset)
	}
	if ch.Moved && ch.Action != planner.NoOp {
		pw.printf("  # (moved from %s)\n", ch.PreviousAddr)
	}
	kind := "resource"
	if ch.Addr.Resource.Mode == schema.DataMode {
		kind = "data"
	}
	pw.printf("%s %s %q %q {\n", c.symbol(ch.Action), kind, ch.Addr.Resource.Type, ch.Addr.Resource.Name)
	d := &differ{pw: pw, replace: ch.RequiresReplace, beforeSens: ch.BeforeSensitive, afterSens: ch.AfterSensitive}
	d.block(&ch.Schema.Block, ch.Before, ch.After, nil, 1, ch.Action)
	pw.printf("    }\n")
}

func (pw *planWriter) outputs(p *planner.Plan) {
	var rows []*planner.OutputChange
	width := 0
	for _, o := range p.Outputs {
		if o.Action == planner.NoOp {
			continue
		}
		rows = append(rows, o)
		if len(o.Name) > width {
			width = len(o.Name)
		}
	}
	d := &differ{pw: pw}
	for _, o := range rows {
		pw.printf("%s %-*s = ", pw.c.symbol(o.Action), width, o.Name)
		switch {
		case o.Sensitive:
			pw.printf("(sensitive value)\n")
		case o.Action == planner.Create:
			pw.printf("%s\n", d.value(o.After, 1, planner.Create, nil))
		case o.Action == planner.Delete:
			pw.printf("%s %s-> null%s\n", d.value(o.Before, 1, planner.Delete, nil), pw.c.gray, pw.c.reset)
		default:
			pw.printf("%s -> %s\n", d.value(o.Before, 1, planner.NoOp, nil), d.value(o.After, 1, planner.NoOp, nil))
		}
	}
}

// differ renders the body of a change.
type differ struct {
	pw                    *planWriter
	replace               []cty.Path
	beforeSens, afterSens []cty.Path
}

// importantAttrs are always shown, even unchanged, as Terraform does.
var importantAttrs = map[string]bool{"id": true, "name": true, "tags": true}

func indent(level int) string { return strings.Repeat("    ", level) }

func pathHas(paths []cty.Path, p cty.Path) bool {
	for _, x := range paths {
		if x.Equals(p) {
			return true
		}
	}
	return false
}

// attrLine is one rendered attribute, before alignment.
type attrLine struct {
	action planner.Action
	name   string
	rest   string // everything after "name = "
}

// block renders the attributes and nested blocks of before → after at the
// given level. action is the change's action for the whole block.
func (d *differ) block(b *schema.Block, before, after cty.Value, path cty.Path, level int, action planner.Action) {
	pw, c := d.pw, d.pw.c
	var lines []attrLine
	hidden := 0
	for _, name := range b.AttributeNames() {
		p := append(path.Copy(), cty.GetAttrStep{Name: name})
		bv, av := attrOf(before, name), attrOf(after, name)
		forces := ""
		if pathHas(d.replace, p) {
			forces = " " + c.red + "# forces replacement" + c.reset
		}
		switch {
		case bv.IsNull() && av.IsNull():
			continue
		case bv.IsNull():
			lines = append(lines, attrLine{planner.Create, name, d.shown(av, level, planner.Create, p) + forces})
		case av.IsNull() && (action == planner.Delete || av.IsKnown()):
			lines = append(lines, attrLine{planner.Delete, name, d.shown(bv, level, planner.Delete, p) + " " + c.gray + "-> null" + c.reset + forces})
		case sameForRender(bv, av):
			if importantAttrs[name] && level == 1 {
				lines = append(lines, attrLine{planner.NoOp, name, d.shown(av, level, planner.NoOp, p)})
			} else {
				hidden++
			}
		default:
			lines = append(lines, attrLine{planner.Update, name, d.update(bv, av, level, p) + forces})
		}
	}
	width := 0
	for _, l := range lines {
		if len(l.name) > width {
			width = len(l.name)
		}
	}
	for _, l := range lines {
		pw.printf("%s%s %-*s = %s\n", indent(level), c.symbol(l.action), width, l.name, l.rest)
	}
	hiddenBlocks := 0
	for _, name := range b.BlockNames() {
		nb := b.Blocks[name]
		p := append(path.Copy(), cty.GetAttrStep{Name: name})
		hiddenBlocks += d.nested(nb, name, attrOf(before, name), attrOf(after, name), p, level)
	}
	if hidden > 0 {
		pw.printf("%s    %s# (%d unchanged %s hidden)%s\n", indent(level), c.gray, hidden, plural(hidden, "attribute"), c.reset)
	}
	if hiddenBlocks > 0 {
		pw.printf("%s    %s# (%d unchanged %s hidden)%s\n", indent(level), c.gray, hiddenBlocks, plural(hiddenBlocks, "block"), c.reset)
	}
}

// nested renders the blocks of one nested block type and returns how many
// unchanged ones it hid.
func (d *differ) nested(nb *schema.NestedBlock, name string, before, after cty.Value, path cty.Path, level int) int {
	pw, c := d.pw, d.pw.c
	be, ae := elements(before), elements(after)
	if nb.Nesting == schema.NestingSingle {
		// A single block (such as timeouts) is an object, not a
		// collection of them.
		be, ae = single(before), single(after)
	}
	if !after.IsKnown() {
		// Blocks a dynamic block generates from an unknown for_each, as
		// Terraform's renderer shows them.
		a := planner.Create
		if len(be) > 0 {
			a = planner.Update
		}
		forces := ""
		if pathHas(d.replace, path) {
			forces = " " + c.red + "# forces replacement" + c.reset
		}
		pw.printf("%s%s %s (known after apply)%s\n", indent(level), c.symbol(a), name, forces)
		return 0
	}
	var pairs [][2]cty.Value
	if nb.Nesting == schema.NestingSet {
		// Set elements have no identity: an element in both is unchanged,
		// the rest are removed or added.
		used := make([]bool, len(ae))
		for _, x := range be {
			match := -1
			for j, y := range ae {
				if !used[j] && sameForRender(x, y) {
					match = j
					break
				}
			}
			if match >= 0 {
				used[match] = true
				pairs = append(pairs, [2]cty.Value{x, ae[match]})
			} else {
				pairs = append(pairs, [2]cty.Value{x, cty.NullVal(x.Type())})
			}
		}
		for j, y := range ae {
			if !used[j] {
				pairs = append(pairs, [2]cty.Value{cty.NullVal(y.Type()), y})
			}
		}
	} else {
		n := len(be)
		if len(ae) > n {
			n = len(ae)
		}
		ety := nb.Block.ImpliedType()
		for i := 0; i < n; i++ {
			x, y := cty.NullVal(ety), cty.NullVal(ety)
			if i < len(be) {
				x = be[i]
			}
			if i < len(ae) {
				y = ae[i]
			}
			pairs = append(pairs, [2]cty.Value{x, y})
		}
	}
	hidden := 0
	for i, pr := range pairs {
		x, y := pr[0], pr[1]
		var a planner.Action
		switch {
		case x.IsNull() && y.IsNull():
			continue
		case x.IsNull():
			a = planner.Create
		case y.IsNull():
			a = planner.Delete
		case sameForRender(x, y):
			hidden++
			continue
		default:
			a = planner.Update
		}
		p := append(path.Copy(), cty.IndexStep{Key: cty.NumberIntVal(int64(i))})
		forces := ""
		if pathHas(d.replace, path) {
			forces = " " + c.red + "# forces replacement" + c.reset
		}
		pw.printf("%s%s %s {%s\n", indent(level), c.symbol(a), name, forces)
		d.block(&nb.Block, x, y, p, level+1, a)
		pw.printf("%s}\n", indent(level+1))
	}
	return hidden
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func attrOf(v cty.Value, name string) cty.Value {
	if v.IsNull() || !v.IsKnown() {
		if !v.IsKnown() && v.Type().IsObjectType() && v.Type().HasAttribute(name) {
			return cty.UnknownVal(v.Type().AttributeType(name))
		}
		if v.Type().IsObjectType() && v.Type().HasAttribute(name) {
			return cty.NullVal(v.Type().AttributeType(name))
		}
		return cty.NullVal(cty.DynamicPseudoType)
	}
	return v.GetAttr(name)
}

// single returns the object of a single nested block as its only
// element, or none when it is null or unknown.
func single(v cty.Value) []cty.Value {
	if v.IsNull() || !v.IsKnown() {
		return nil
	}
	return []cty.Value{v}
}

func elements(v cty.Value) []cty.Value {
	if v.IsNull() || !v.IsKnown() {
		return nil
	}
	var out []cty.Value
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		out = append(out, e)
	}
	return out
}

// sameForRender compares for display: unknown values are never the same.
func sameForRender(a, b cty.Value) bool {
	if !a.IsWhollyKnown() || !b.IsWhollyKnown() {
		return false
	}
	if a.IsNull() || b.IsNull() {
		return a.IsNull() && b.IsNull()
	}
	eq := a.Equals(b)
	return eq.IsKnown() && eq.True()
}

// sensitive reports whether the value at path is sensitive before or
// after the change. A nil path (an output's value) is never sensitive
// here: outputs carry their own flag.
func (d *differ) sensitive(path cty.Path) bool {
	return path != nil && (pathHas(d.beforeSens, path) || pathHas(d.afterSens, path))
}

// sensitiveBelow reports whether a value strictly inside the one at path
// is sensitive: set elements have no stable path, so a set holding one
// shows none of its elements.
func (d *differ) sensitiveBelow(path cty.Path) bool {
	if path == nil {
		return false
	}
	for _, paths := range [][]cty.Path{d.beforeSens, d.afterSens} {
		for _, q := range paths {
			if len(q) > len(path) && q[:len(path)].Equals(path) {
				return true
			}
		}
	}
	return false
}

// step returns path extended by one step, or nil when path is nil.
func step(path cty.Path, s cty.PathStep) cty.Path {
	if path == nil {
		return nil
	}
	return append(path.Copy(), s)
}

// shown renders a value that is created, deleted or unchanged.
func (d *differ) shown(v cty.Value, level int, action planner.Action, path cty.Path) string {
	return d.value(v, level, action, path)
}

// update renders old -> new; path is where the value sits in the
// resource, for sensitive values nested in it.
func (d *differ) update(before, after cty.Value, level int, path cty.Path) string {
	if d.sensitive(path) {
		return "(sensitive value)"
	}
	if !after.IsKnown() {
		return d.value(before, level, planner.NoOp, path) + " -> (known after apply)"
	}
	ty := after.Type()
	if (ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) && before.IsKnown() && !before.IsNull() {
		return d.collectionUpdate(before, after, level, path)
	}
	if (ty.IsMapType() || ty.IsObjectType()) && before.IsKnown() && !before.IsNull() {
		return d.mapUpdate(before, after, level, path)
	}
	return d.value(before, level, planner.NoOp, path) + " -> " + d.value(after, level, planner.NoOp, path)
}

// collectionUpdate diffs lists and sets element by element: elements in
// both are unchanged (hidden), others removed or added.
func (d *differ) collectionUpdate(before, after cty.Value, level int, path cty.Path) string {
	c := d.pw.c
	setLike := after.Type().IsSetType()
	var b strings.Builder
	b.WriteString("[\n")
	be, ae := elements(before), elements(after)
	used := make([]bool, len(ae))
	hidden := 0
	var removed []cty.Value
	var removedAt []int
	for i, x := range be {
		found := false
		for j, y := range ae {
			if !used[j] && sameForRender(x, y) {
				used[j], found = true, true
				break
			}
		}
		if found {
			hidden++
		} else {
			removed = append(removed, x)
			removedAt = append(removedAt, i)
		}
	}
	elem := func(v cty.Value, i int, action planner.Action) string {
		if setLike && d.sensitiveBelow(path) {
			return "(sensitive value)"
		}
		return d.value(v, level+1, action, step(path, cty.IndexStep{Key: cty.NumberIntVal(int64(i))}))
	}
	for k, x := range removed {
		fmt.Fprintf(&b, "%s%s %s,\n", indent(level+1), c.symbol(planner.Delete), elem(x, removedAt[k], planner.Delete))
	}
	for j, y := range ae {
		if !used[j] {
			fmt.Fprintf(&b, "%s%s %s,\n", indent(level+1), c.symbol(planner.Create), elem(y, j, planner.Create))
		}
	}
	if hidden > 0 {
		fmt.Fprintf(&b, "%s    %s# (%d unchanged %s hidden)%s\n", indent(level+1), c.gray, hidden, plural(hidden, "element"), c.reset)
	}
	fmt.Fprintf(&b, "%s]", indent(level+1))
	return b.String()
}

// mapUpdate diffs maps key by key.
func (d *differ) mapUpdate(before, after cty.Value, level int, path cty.Path) string {
	c := d.pw.c
	keys := map[string]bool{}
	for k := range before.AsValueMap() {
		keys[k] = true
	}
	for k := range after.AsValueMap() {
		keys[k] = true
	}
	names := make([]string, 0, len(keys))
	width := 0
	for k := range keys {
		names = append(names, k)
		if q := len(strconv.Quote(k)); q > width {
			width = q
		}
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("{\n")
	hidden := 0
	for _, k := range names {
		bv, bok := before.AsValueMap()[k]
		av, aok := after.AsValueMap()[k]
		key := fmt.Sprintf("%-*s", width, strconv.Quote(k))
		var kp cty.Path
		if after.Type().IsObjectType() {
			kp = step(path, cty.GetAttrStep{Name: k})
		} else {
			kp = step(path, cty.IndexStep{Key: cty.StringVal(k)})
		}
		switch {
		case bok && aok && sameForRender(bv, av):
			hidden++
		case !bok:
			fmt.Fprintf(&b, "%s%s %s = %s\n", indent(level+1), c.symbol(planner.Create), key, d.value(av, level+1, planner.Create, kp))
		case !aok:
			fmt.Fprintf(&b, "%s%s %s = %s %s-> null%s\n", indent(level+1), c.symbol(planner.Delete), key, d.value(bv, level+1, planner.Delete, kp), c.gray, c.reset)
		default:
			fmt.Fprintf(&b, "%s%s %s = %s\n", indent(level+1), c.symbol(planner.Update), key, d.update(bv, av, level+1, kp))
		}
	}
	if hidden > 0 {
		fmt.Fprintf(&b, "%s    %s# (%d unchanged %s hidden)%s\n", indent(level+1), c.gray, hidden, plural(hidden, "element"), c.reset)
	}
	fmt.Fprintf(&b, "%s}", indent(level+1))
	return b.String()
}

// value renders a whole value. Elements of collections carry the action's
// symbol (+ for a created list, - for a deleted one, none when unchanged).
// path is where v sits in the resource (nil for an output's value): a
// sensitive value, however deeply nested, prints as (sensitive value).
func (d *differ) value(v cty.Value, level int, action planner.Action, path cty.Path) string {
	c := d.pw.c
	if d.sensitive(path) {
		return "(sensitive value)"
	}
	if !v.IsKnown() {
		return "(known after apply)"
	}
	if v.IsNull() {
		return "null"
	}
	ty := v.Type()
	sym := c.symbol(action)
	switch {
	case ty == cty.String:
		return renderString(v.AsString(), level)
	case ty == cty.Number:
		return formatNumber(v.AsBigFloat())
	case ty == cty.Bool:
		if v.True() {
			return "true"
		}
		return "false"
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		if v.LengthInt() == 0 {
			return "[]"
		}
		var b strings.Builder
		b.WriteString("[\n")
		hideAll := ty.IsSetType() && d.sensitiveBelow(path)
		i := 0
		for it := v.ElementIterator(); it.Next(); i++ {
			_, e := it.Element()
			shown := "(sensitive value)"
			if !hideAll {
				shown = d.value(e, level+1, action, step(path, cty.IndexStep{Key: cty.NumberIntVal(int64(i))}))
			}
			fmt.Fprintf(&b, "%s%s %s,\n", indent(level+1), sym, shown)
		}
		fmt.Fprintf(&b, "%s]", indent(level+1))
		return b.String()
	case ty.IsMapType() || ty.IsObjectType():
		m := v.AsValueMap()
		if len(m) == 0 {
			return "{}"
		}
		names := make([]string, 0, len(m))
		width := 0
		for k := range m {
			names = append(names, k)
			key := k
			if ty.IsMapType() {
				key = strconv.Quote(k)
			}
			if len(key) > width {
				width = len(key)
			}
		}
		sort.Strings(names)
		var b strings.Builder
		b.WriteString("{\n")
		for _, k := range names {
			key := k
			if ty.IsMapType() {
				key = strconv.Quote(k)
			}
			if m[k].IsNull() && ty.IsObjectType() {
				continue
			}
			kp := step(path, cty.IndexStep{Key: cty.StringVal(k)})
			if ty.IsObjectType() {
				kp = step(path, cty.GetAttrStep{Name: k})
			}
			fmt.Fprintf(&b, "%s%s %-*s = %s\n", indent(level+1), sym, width, key, d.value(m[k], level+1, action, kp))
		}
		fmt.Fprintf(&b, "%s}", indent(level+1))
		return b.String()
	}
	return "(unknown type)"
}

// renderString quotes a string as Terraform does; a multi-line string is a
// heredoc.
func renderString(s string, level int) string {
	if strings.Contains(s, "\n") && !strings.HasPrefix(s, "\n") {
		lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
		var b strings.Builder
		b.WriteString("<<-EOT\n")
		for _, l := range lines {
			if l == "" {
				b.WriteString("\n")
				continue
			}
			fmt.Fprintf(&b, "%s    %s\n", indent(level), Printable(l))
		}
		fmt.Fprintf(&b, "%s    EOT", indent(level))
		return b.String()
	}
	return strconv.Quote(s)
}

func formatNumber(f *big.Float) string {
	if f.IsInt() {
		i, _ := f.Int(nil)
		return i.String()
	}
	return f.Text('f', -1)
}
