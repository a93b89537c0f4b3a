package pgstore_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/planner/state/pgstore"
	"github.com/vpcplan/vpcplan/planner/state/pgstore/pgtest"
	"github.com/vpcplan/vpcplan/planner/state/statetest"
)

func open(t *testing.T, cs, schema, workspace string) *pgstore.Store {
	t.Helper()
	s, err := pgstore.Open(context.Background(), pgstore.Config{ConnStr: cs, Schema: schema, Workspace: workspace})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	cs := pgtest.ConnStr(t)
	statetest.TestStore(t, func(t *testing.T) (state.Store, func() state.Store) {
		schema := pgtest.Schema(t, cs)
		return open(t, cs, schema, ""), func() state.Store { return open(t, cs, schema, "") }
	})
}

func sample(lineage string) *state.State {
	st := state.New("test")
	st.Lineage = lineage
	st.Resources = []*state.Resource{{
		Mode: "managed", Type: "aws_vpc", Name: "main", Provider: `provider["registry.terraform.io/hashicorp/aws"]`,
		Instances: []*state.Instance{{Attributes: json.RawMessage(`{"cidr_block":"10.0.0.0/16","id":"vpc-1"}`)}},
	}}
	return st
}

func TestTerraformLayout(t *testing.T) {
	cs := pgtest.ConnStr(t)
	schema := pgtest.Schema(t, cs)
	s := open(t, cs, schema, "prod")
	if err := s.Save(sample("l1")); err != nil {
		t.Fatal(err)
	}
	// Terraform reads data by name.
	data := pgtest.Query(t, cs, fmt.Sprintf("SELECT data FROM %s.states WHERE name = $1", schema), "prod")
	if st, err := state.Decode([]byte(data)); err != nil || st.Lineage != "l1" || st.Serial != 1 {
		t.Fatalf("row data = %q (%v)", data, err)
	}
	cols := pgtest.Query(t, cs, `SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)
		FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'states'`, schema)
	if cols != "id bigint, name text, data text" {
		t.Errorf("states columns = %s", cols)
	}
	// A row Terraform wrote (its INSERT, the id from the sequence) reads back.
	tf := sample("tf-lineage")
	tf.Serial = 7
	enc, _ := tf.Encode()
	pgtest.Exec(t, cs, fmt.Sprintf("INSERT INTO %s.states (name, data) VALUES ('tfws', %s)", schema, quoteLiteral(string(enc))))
	got, err := open(t, cs, schema, "tfws").Load()
	if err != nil || got == nil || got.Lineage != "tf-lineage" || got.Serial != 7 {
		t.Fatalf("Load() of Terraform's row = %+v, %v", got, err)
	}
	// Terraform's empty sentinel row for a new workspace is no state.
	pgtest.Exec(t, cs, fmt.Sprintf("INSERT INTO %s.states (name, data) VALUES ('empty', '')", schema))
	if got, err := open(t, cs, schema, "empty").Load(); got != nil || err != nil {
		t.Fatalf("Load() of an empty row = %v, %v", got, err)
	}
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func TestNoLostUpdateWithoutLock(t *testing.T) {
	cs := pgtest.ConnStr(t)
	schema := pgtest.Schema(t, cs)
	if err := open(t, cs, schema, "").Save(sample("l")); err != nil {
		t.Fatal(err)
	}
	a, b := open(t, cs, schema, ""), open(t, cs, schema, "")
	sa, err := a.Load()
	if err != nil {
		t.Fatal(err)
	}
	sb, err := b.Load()
	if err != nil {
		t.Fatal(err)
	}
	sa.Resources[0].Name = "from_a"
	sb.Resources[0].Name = "from_b"
	if err := a.Save(sa); err != nil {
		t.Fatal(err)
	}
	err = b.Save(sb)
	var ce *pgstore.ConflictError
	if !errors.As(err, &ce) || ce.Expected != 1 || ce.Found != 2 {
		t.Fatalf("second Save() = %v, want a *ConflictError (1, then 2)", err)
	}
	got, _ := open(t, cs, schema, "").Load()
	if got.Serial != 2 || got.Resources[0].Name != "from_a" {
		t.Errorf("stored serial %d name %s, want 2 from_a", got.Serial, got.Resources[0].Name)
	}
	// Two stores creating the same new workspace: one wins.
	schema2 := pgtest.Schema(t, cs)
	c, d := open(t, cs, schema2, ""), open(t, cs, schema2, "")
	if _, err := c.Load(); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Load(); err != nil {
		t.Fatal(err)
	}
	if err := c.Save(sample("c")); err != nil {
		t.Fatal(err)
	}
	if err := d.Save(sample("d")); err == nil {
		t.Fatal("a second creation of the workspace succeeded")
	}
}

func TestLocksArePerWorkspaceAndSchema(t *testing.T) {
	cs := pgtest.ConnStr(t)
	s1, s2 := pgtest.Schema(t, cs), pgtest.Schema(t, cs)
	ctx := context.Background()
	var unlocks []func() error
	for _, st := range []*pgstore.Store{open(t, cs, s1, "default"), open(t, cs, s1, "staging"), open(t, cs, s2, "default")} {
		u, err := st.Lock(ctx, state.LockInfo{ID: st.Schema() + st.Workspace()})
		if err != nil {
			t.Fatalf("Lock(%s/%s) = %v; other workspaces' locks must not block it", st.Schema(), st.Workspace(), err)
		}
		unlocks = append(unlocks, u)
	}
	_, err := open(t, cs, s1, "staging").Lock(ctx, state.LockInfo{ID: "x"})
	var le *state.LockError
	if !errors.As(err, &le) || le.Holder == nil || le.Holder.ID != s1+"staging" {
		t.Fatalf("Lock of a held workspace = %v, want a LockError naming its holder", err)
	}
	for _, u := range unlocks {
		if err := u(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLockDiesWithSession(t *testing.T) {
	cs := pgtest.ConnStr(t)
	schema := pgtest.Schema(t, cs)
	a := open(t, cs, schema, "")
	if _, err := a.Lock(context.Background(), state.LockInfo{ID: "a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := open(t, cs, schema, "").Lock(context.Background(), state.LockInfo{ID: "b"}); err == nil {
		t.Fatal("second lock succeeded while the first is held")
	}
	a.Close() // as the end of the process ends the connection
	// The server ends the session, and releases its advisory locks, a
	// moment after the client closes it: on a loaded machine that can take
	// longer than the next Lock.
	b := open(t, cs, schema, "")
	deadline := time.Now().Add(5 * time.Second)
	for {
		u, err := b.Lock(context.Background(), state.LockInfo{ID: "c"})
		if err == nil {
			u()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("Lock() 5 s after the holder's session ended = %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestForceUnlock(t *testing.T) {
	cs := pgtest.ConnStr(t)
	schema := pgtest.Schema(t, cs)
	a := open(t, cs, schema, "")
	if err := a.Save(sample("l")); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Lock(context.Background(), state.LockInfo{ID: "held", Who: "a@host"}); err != nil {
		t.Fatal(err)
	}
	b := open(t, cs, schema, "")
	if err := b.ForceUnlock("other"); err == nil || !strings.Contains(err.Error(), `"held"`) {
		t.Fatalf("ForceUnlock(wrong id) = %v", err)
	}
	if err := b.ForceUnlock("held"); err != nil {
		t.Fatalf("ForceUnlock() = %v", err)
	}
	u, err := open(t, cs, schema, "").Lock(context.Background(), state.LockInfo{ID: "next"})
	if err != nil {
		t.Fatalf("Lock() after force-unlock = %v", err)
	}
	defer u()
	st := sample("l")
	st.Resources[0].Name = "late"
	if err := a.Save(st); err == nil {
		t.Error("the force-unlocked holder could still save")
	}
}

func TestTablesCreatedOnceUnderRace(t *testing.T) {
	cs := pgtest.ConnStr(t)
	schema := pgtest.Schema(t, cs)
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := pgstore.Open(context.Background(), pgstore.Config{ConnStr: cs, Schema: schema, Workspace: fmt.Sprintf("w%d", i)})
			if err == nil {
				_, err = s.Load()
				if err == nil {
					err = s.Save(sample(fmt.Sprint(i)))
				}
				s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("store %d: %v", i, err)
		}
	}
}

func TestInvalidJSONRow(t *testing.T) {
	cs := pgtest.ConnStr(t)
	schema := pgtest.Schema(t, cs)
	s := open(t, cs, schema, "")
	if _, err := s.Load(); err != nil { // creates the tables
		t.Fatal(err)
	}
	pgtest.Exec(t, cs, fmt.Sprintf(`INSERT INTO %s.states (name, data) VALUES ('default', '{"version": 4,')`, schema))
	_, err := open(t, cs, schema, "").Load()
	if err == nil || !strings.Contains(err.Error(), "pg backend") || !strings.Contains(err.Error(), "not valid JSON") {
		t.Fatalf("Load() = %v, want a pg backend error about invalid JSON", err)
	}
	if err := open(t, cs, schema, "").Save(sample("l")); err == nil {
		t.Fatal("Save() over an invalid row succeeded")
	}
	if got := pgtest.Query(t, cs, fmt.Sprintf("SELECT data FROM %s.states WHERE name = 'default'", schema)); got != `{"version": 4,` {
		t.Errorf("row changed to %q", got)
	}
}

func TestBadConnections(t *testing.T) {
	cs := pgtest.ConnStr(t)
	base, err := pgx.ParseConfig(cs)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedPort := l.Addr().(*net.TCPAddr).Port
	l.Close()
	withURL := func(user *url.Userinfo, host, db string) string {
		return (&url.URL{Scheme: "postgres", User: user, Host: host, Path: "/" + db, RawQuery: "sslmode=disable&connect_timeout=5"}).String()
	}
	hostport := fmt.Sprintf("%s:%d", base.Host, base.Port)
	tests := map[string]struct {
		connStr string
		want    []string
	}{
		"refused":        {withURL(url.UserPassword(base.User, base.Password), fmt.Sprintf("127.0.0.1:%d", closedPort), base.Database), []string{"pg backend", "cannot connect", "connection refused"}},
		"missing db":     {withURL(url.UserPassword(base.User, base.Password), hostport, "no_such_db"), []string{"pg backend", "no_such_db", "does not exist"}},
		"bad credential": {withURL(url.UserPassword(base.User, "wrong-password"), hostport, base.Database), []string{"pg backend", "password"}},
		"not a conn_str": {"postgres://%zz", []string{"pg backend", "conn_str"}},
		"empty":          {"", []string{"conn_str is not set"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			s, err := pgstore.Open(context.Background(), pgstore.Config{ConnStr: tc.connStr})
			if err == nil {
				s.Close()
				if name == "bad credential" {
					t.Skip("the server does not check passwords (trust authentication)")
				}
				t.Fatal("Open() succeeded")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "wrong-password") {
				t.Errorf("error %q shows the password", err)
			}
		})
	}
}

func TestSchemaWithoutPermission(t *testing.T) {
	cs := pgtest.ConnStr(t)
	schema := pgtest.Schema(t, cs)
	pgtest.Exec(t, cs,
		"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vpcplan_limited') THEN CREATE ROLE vpcplan_limited LOGIN PASSWORD 'limited'; END IF; END $$",
		"CREATE SCHEMA "+schema)
	base, _ := pgx.ParseConfig(cs)
	limited := (&url.URL{Scheme: "postgres", User: url.UserPassword("vpcplan_limited", "limited"), Host: fmt.Sprintf("%s:%d", base.Host, base.Port), Path: "/" + base.Database, RawQuery: "sslmode=disable"}).String()
	s, err := pgstore.Open(context.Background(), pgstore.Config{ConnStr: limited, Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Load()
	if err == nil || !strings.Contains(err.Error(), "pg backend") || !strings.Contains(err.Error(), "permission denied") {
		t.Fatalf("Load() = %v, want a pg backend error saying permission denied", err)
	}
	if err := s.Save(sample("l")); err == nil {
		t.Fatal("Save() succeeded")
	}
}
