#!/usr/bin/env python3
"""Runs the same commands through samokoder's CLI and through Alembic on random revision graphs, and
prints where they differ. A development tool, not part of the build: see README.md beside it."""

import argparse
import difflib
import os
import random
import re
import shutil
import subprocess
import sys

# Alembic 1.8.1 (Debian 12) lists the versions directory in directory order and predates one rule that
# the spec (docs of Alembic's main branch) states; the runner makes both as the spec says. The rule is
# written here from the spec's words (§5, downgrade: "when H-{R} is empty, U is D minus any element
# that is a strict ancestor of another element of D").
RUNNER = '''import os, sys
_listdir = os.listdir
os.listdir = lambda path=".": sorted(_listdir(path))
from alembic.runtime import migration


def unmerge_targets(step, heads):
    rmap = step.revision_map
    others = set(heads) - {step.revision.revision}
    parents = step.to_revisions
    implied = set()
    if others:
        implied = {r.revision for r in rmap._get_ancestor_nodes(rmap.get_revisions(others), check=False)}
    else:
        for parent in parents:
            below = rmap._get_ancestor_nodes(rmap.get_revisions(parent), check=False)
            implied |= {r.revision for r in below if r.revision != parent}
    return tuple(p for p in parents if p not in implied)


migration.RevisionStep._unmerge_to_revisions = unmerge_targets
from alembic.config import main
main(prog="alembic")
'''

OFFLINE_ENV = '''from alembic import context
context.configure(url=context.config.get_main_option("sqlalchemy.url"), literal_binds=True,
                  transaction_per_migration=True)
with context.begin_transaction():
    context.run_migrations()
'''

# The template Alembic's revision and merge commands write from (the header fields and an empty body).
SCRIPT_TEMPLATE = '''"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
"""
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade():
    pass


def downgrade():
    pass
'''

ONLINE_ENV = '''import os
from alembic import context
from sqlalchemy import create_engine
with create_engine(os.environ["COMPARE_URL"]).connect() as connection:
    context.configure(connection=connection, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
'''


def graph(seed, size):
    """A random graph: roots, chains, merges, branch labels, depends_on; ids that share prefixes."""
    rnd = random.Random(seed)
    ids = []
    while len(ids) < size:
        rid = rnd.choice(['a', 'ab', 'b', 'c1', 'c2', 'd', 'e9']) + ''.join(
            rnd.choice('0123456789abcdef') for _ in range(rnd.randint(1, 3)))
        if rid not in ids:
            ids.append(rid)
    revisions, labels = [], 0
    for k, rid in enumerate(ids):
        earlier = ids[:k]
        r = rnd.random()
        if not earlier or r < 0.12:
            parents = []
        elif r < 0.3 and len(earlier) >= 2:
            parents = rnd.sample(earlier, 2)
        else:
            parents = [rnd.choice(earlier[-4:]) if rnd.random() < 0.7 else rnd.choice(earlier)]
        branch = []
        if rnd.random() < 0.2:
            branch = ['lbl%d' % labels]
            labels += 1
        depends = [rnd.choice(earlier)] if earlier and rnd.random() < 0.15 else []
        revisions.append((rid, parents, branch, depends))
    return revisions


def write(revisions, root, online, server):
    shutil.rmtree(root, ignore_errors=True)
    versions, scripts = os.path.join(root, 'alembic', 'versions'), os.path.join(root, 'samokoder')
    os.makedirs(versions)
    os.makedirs(scripts)

    def py(values):
        return 'None' if not values else repr(values[0]) if len(values) == 1 else repr(tuple(values))

    for k, (rid, parents, branch, depends) in enumerate(revisions):
        name = '%s_r%d' % (rid, k)
        with open(os.path.join(versions, name + '.py'), 'w') as f:
            f.write('"""rev %s\n\nRevision ID: %s\nRevises: %s\n"""\nfrom alembic import op\n\n'
                    % (rid, rid, ', '.join(parents)))
            f.write('revision = %r\ndown_revision = %s\nbranch_labels = %s\ndepends_on = %s\n\n\n'
                    % (rid, py(parents), 'None' if not branch else repr(tuple(branch)), py(depends)))
            f.write('def upgrade():\n    op.execute("SELECT \'up %s\'")\n\n\n' % rid)
            f.write('def downgrade():\n    op.execute("SELECT \'down %s\'")\n' % rid)
        with open(os.path.join(scripts, name + '.sql'), 'w') as f:
            f.write('-- rev %s\n--\n-- Revision ID: %s\n-- Revises: %s\n' % (rid, rid, ', '.join(parents)))
            if branch:
                f.write('-- Branch Labels: %s\n' % ', '.join(branch))
            if depends:
                f.write('-- Depends On: %s\n' % ', '.join(depends))
            f.write("\n-- migrate:upgrade\nSELECT 'up %s';\n\n-- migrate:downgrade\nSELECT 'down %s';\n"
                    % (rid, rid))
    with open(os.path.join(root, 'alembic', 'alembic.ini'), 'w') as f:
        f.write('[alembic]\nscript_location = %s\nsqlalchemy.url = %s\n'
                % (os.path.join(root, 'alembic'), server.alembic_offline_url))
    with open(os.path.join(root, 'alembic', 'env.py'), 'w') as f:
        f.write(ONLINE_ENV if online else OFFLINE_ENV)
    with open(os.path.join(root, 'alembic', 'runner.py'), 'w') as f:
        f.write(RUNNER)
    with open(os.path.join(root, 'alembic', 'script.py.mako'), 'w') as f:
        f.write(SCRIPT_TEMPLATE)


VERSION_ROW = re.compile(r"^(?:INSERT INTO alembic_version \(version_num\) VALUES \('([^']*)'\)"
                         r"|UPDATE alembic_version SET version_num='([^']*)'"
                         r" WHERE alembic_version.version_num = '([^']*)'"
                         r"|DELETE FROM alembic_version WHERE alembic_version.version_num = '([^']*)');$")


def sort_list_after(prefix, line):
    return prefix + ', '.join(sorted(line[len(prefix):].split(', '))) if line.startswith(prefix) else line


def normalise(stdout, stderr):
    """What both must agree on. Alembic iterates sets for branch labels, a branch point's children and
    the rows a merge or unmerge changes, so those are compared without their order: labels and children
    sorted, and the version-row statements replaced by the row set after each step. Alembic prints
    FAILED on stdout, samokoder on stderr; Alembic 1.8.1 appends RETURNING to the row insert and drops the
    version table at base offline, which the spec's Alembic no longer does."""
    lines = []
    for line in stdout.replace(' RETURNING alembic_version.version_num', '').split('\n'):
        if not line.strip() or line.startswith('Path: ') or line.startswith('    ') \
                or line == 'DROP TABLE alembic_version;':
            continue
        if line.startswith('Current revision(s) for '):
            line = 'Current revision(s) for <url>:'
        if line.strip().startswith('Generating ') and line.endswith(' ...  done'):
            line = 'Generating <file> ...  done'
        line = re.sub(r'\(([\w, ]+)\)', lambda m: '(' + ', '.join(sorted(m.group(1).split(', '))) + ')', line)
        for prefix in ('Branch names: ', 'Branches into: '):
            line = sort_list_after(prefix, line)
        lines.append(line)
    failed = [l for l in lines if l.startswith('FAILED')] + [l for l in stderr.split('\n') if l.startswith('FAILED')]
    out, children, rows, changed = [], [], set(), False
    for line in [l for l in lines if not l.startswith('FAILED')] + ['']:
        if line.startswith('   -> '):
            children.append(line)
            continue
        out.extend(sorted(children))
        children = []
        m = VERSION_ROW.match(line)
        if m:
            inserted, new, old, deleted = m.groups()
            if old or deleted:
                rows.discard(old or deleted)
            if inserted or new:
                rows.add(inserted or new)
            changed = True
            continue
        if changed:
            out.append('rows: ' + ' '.join(sorted(rows)))
            changed = False
        out.append(line)
    return '\n'.join(out).strip(), failed


def offline_commands(rnd, revisions, stamps):
    ids = [r[0] for r in revisions]
    labels = [l for r in revisions for l in r[2]]

    def spec():
        return rnd.choice(ids + ['base', 'heads', 'head'] + [l + '@head' for l in labels] + [i[:2] for i in ids])

    if stamps:
        commands = [['stamp', 'heads', '--sql']]
        for _ in range(4):
            commands += [['stamp', spec(), '--sql'], ['stamp', '%s:%s' % (rnd.choice(ids), spec()), '--sql']]
        for _ in range(3):
            commands += [['stamp', rnd.choice(ids), rnd.choice(ids), '--sql'],
                         ['stamp', '%s:%s' % (rnd.choice(ids), rnd.choice(ids)), '--sql']]
        return commands
    commands = [['heads'], ['heads', '--resolve-dependencies'], ['branches'], ['history'],
                ['upgrade', 'heads', '--sql']]
    for _ in range(4):
        commands += [['history', '--rev-range=%s:%s' % (spec(), spec())], ['upgrade', spec(), '--sql']]
    for _ in range(5):
        commands += [['upgrade', '%s:%s' % (rnd.choice(ids), spec()), '--sql'],
                     ['downgrade', '%s:%s' % (rnd.choice(ids), spec()), '--sql']]
    for _ in range(3):
        commands += [['upgrade', '%s:+%d' % (rnd.choice(ids), rnd.randint(1, 3)), '--sql'],
                     ['downgrade', '%s:-%d' % (rnd.choice(ids), rnd.randint(1, 2)), '--sql'],
                     ['history', '--rev-range=%s:' % spec()], ['history', '--rev-range=:%s' % spec()],
                     ['history', '--rev-range=-%d:' % rnd.randint(1, 4)]]
    for label in labels[:2]:
        commands += [['upgrade', '%s@+1' % label, '--sql'],
                     ['upgrade', '%s:%s@head' % (rnd.choice(ids), label), '--sql'],
                     ['downgrade', '%s:%s@base' % (rnd.choice(ids), label), '--sql']]
    commands += [['show', rid] for rid in rnd.sample(ids, 2)]
    return commands


class PostgreSql:
    """The server of online mode, and the dialect of offline mode, for PostgreSQL (psql, psycopg2)."""
    alembic_offline_url = 'postgresql://u@localhost/db'
    jdbc_offline_url = 'jdbc:postgresql://127.0.0.1:1/offline'

    def __init__(self, args):
        self.host, self.port, self.user = args.pg_host, args.pg_port, args.pg_user

    def query(self, database, sql):
        p = subprocess.run(['psql', '-h', self.host, '-p', str(self.port), '-U', self.user, '-d', database,
                            '-qAtX', '-c', sql], capture_output=True, text=True)
        return p.stdout.split() if p.returncode == 0 else []

    def admin(self, sql):
        self.query('postgres', sql)

    def alembic_url(self, database):
        return 'postgresql://%s@%s:%d/%s' % (self.user, self.host, self.port, database)

    def jdbc_url(self, database):
        return 'jdbc:postgresql://%s:%d/%s' % (self.host, self.port, database)


class MariaDb:
    """The same for MariaDB (the mariadb client, PyMySQL); offline, Alembic's MySQL dialect against ours,
    chosen by the URL's scheme (--offline-jdbc-scheme: mariadb or mysql)."""
    alembic_offline_url = 'mysql://u@localhost/db'

    def __init__(self, args):
        self.host, self.port, self.user = args.mariadb_host, args.mariadb_port, args.mariadb_user
        self.jdbc_offline_url = 'jdbc:%s://127.0.0.1:1/offline' % args.offline_jdbc_scheme

    def query(self, database, sql):
        p = subprocess.run(['mariadb', '-h', self.host, '-P', str(self.port), '-u', self.user, '-N', '-B',
                            '-D', database, '-e', sql], capture_output=True, text=True)
        return p.stdout.split() if p.returncode == 0 else []

    def admin(self, sql):
        self.query('mysql', sql)

    def alembic_url(self, database):
        return 'mysql+pymysql://%s@%s:%d/%s' % (self.user, self.host, self.port, database)

    def jdbc_url(self, database):
        return 'jdbc:mariadb://%s:%d/%s' % (self.host, self.port, database)


class Tools:
    def __init__(self, args, root, server):
        self.args, self.root, self.server = args, root, server

    def alembic(self, command, url=None):
        env = dict(os.environ, COMPARE_URL=url or '')
        alembic_dir = os.path.join(self.root, 'alembic')
        p = subprocess.run([self.args.python, os.path.join(alembic_dir, 'runner.py'), '-c',
                            os.path.join(alembic_dir, 'alembic.ini')] + command,
                           capture_output=True, text=True, cwd=alembic_dir, env=env)
        return p.returncode, p.stdout, p.stderr

    def ours(self, command, url):
        p = subprocess.run([self.args.cli, '--url', url, '--user', self.server.user, '--locations',
                            'filesystem:' + os.path.join(self.root, 'samokoder')] + command,
                           capture_output=True, text=True, cwd=self.root)
        return p.returncode, p.stdout, p.stderr


def report(seed, command, alembic, ours):
    print('=== seed %d: %s' % (seed, ' '.join(command)))
    print('exit: alembic %d, samokoder %d' % (alembic[0], ours[0]))
    a = ('%s\n%s' % (alembic[1], '\n'.join(alembic[2]))).split('\n')
    o = ('%s\n%s' % (ours[1], '\n'.join(ours[2]))).split('\n')
    print('\n'.join(list(difflib.unified_diff(a, o, 'alembic', 'samokoder', n=2, lineterm=''))[:80]))
    sys.stdout.flush()


def raised(where, command, rc_o, out_o, err_o):
    """An uncaught exception in Alembic (AssertionError, KeyError): nothing to compare with."""
    print('(alembic raised on %s: %s; samokoder exit %d %s)'
          % (where, ' '.join(command), rc_o, ' '.join(normalise(out_o, err_o)[1])[:200]))


def after(server, command, database, rc, out, err):
    """What one tool's online command left: exit status, current's lines, the version rows, the FAILED line.
    current's lines come in row order, which follows the rows' physical order, so they are sorted; history's
    are compared as they are (-i marks the current revisions); a
    missing version table reads as no rows (samokoder leaves a new database as it was when its first
    command fails, where Alembic has created the table)."""
    shown, failed = normalise(out, err)
    lines = (sorted(shown.split('\n')) if command[0] == 'current'
             else shown.split('\n') if command[0] == 'history' else [])
    rows = sorted(server.query(database, 'SELECT version_num FROM alembic_version'))
    return rc, '\n'.join(lines + ['rows: ' + ' '.join(rows)]), failed


def revision_commands(rnd, revisions, count):
    """revision and merge with Alembic's options: --head (a revision, base, a label's head), --splice,
    --branch-label, --depends-on; merge of the heads or of two revisions. New ids start with 'nw' or 'mg',
    which no generated id does, and each command's new revision joins the graph of the next."""
    ids = [r[0] for r in revisions]
    labels = [l for r in revisions for l in r[2]]
    commands = []
    for k in range(count):
        r = rnd.random()
        if r < 0.25:
            revs = ['heads'] if rnd.random() < 0.5 else rnd.sample(ids, 2)
            command = ['merge', '-m', 'merge %d' % k, '--rev-id', 'mg%d' % k] + revs
            new = 'mg%d' % k
        else:
            command = ['revision', '-m', 'rev %d' % k, '--rev-id', 'nw%d' % k]
            if r < 0.85:
                command += ['--head', rnd.choice(ids + ['base', 'heads', 'head'] + [l + '@head' for l in labels])]
            if rnd.random() < 0.25:
                command.append('--splice')
            new = 'nw%d' % k
        if rnd.random() < 0.2:
            label = 'new%d' % k
            command += ['--branch-label', label]
            labels.append(label)
        if command[0] == 'revision' and rnd.random() < 0.2:
            command += ['--depends-on', rnd.choice(ids)]
        commands.append(command)
        ids.append(new)
    return commands


def both_offline(tools, server, seed, command):
    """The command through both tools without a database: each one's exit status and normalised output, or
    None (and listed) when Alembic raised."""
    rc_a, out_a, err_a = tools.alembic(command)
    rc_o, out_o, err_o = tools.ours(command, server.jdbc_offline_url)
    if rc_a == 1:
        raised('seed %d' % seed, command, rc_o, out_o, err_o)
        return None
    return (rc_a,) + normalise(out_a, err_a), (rc_o,) + normalise(out_o, err_o)


def revision_mode(args, server, seed):
    """revision and merge in the same graph through both tools, each followed by heads and history."""
    root = os.path.join(args.work, 'r%d' % seed)
    graph_revisions = graph(seed, args.revisions)
    write(graph_revisions, root, False, server)
    tools, differences = Tools(args, root, server), 0
    for command in revision_commands(random.Random(seed * 17), graph_revisions, args.steps):
        for step in (command, ['heads'], ['history']):
            outcomes = both_offline(tools, server, seed, step)
            if outcomes is None:
                return differences
            a, o = outcomes
            if a != o:
                report(seed, step if step is command else command + ['then'] + step, a, o)
                return differences + 1
    return differences


def offline(args, server, seed):
    root = os.path.join(args.work, 's%d' % seed)
    revisions = graph(seed, args.revisions)
    write(revisions, root, False, server)
    tools, differences = Tools(args, root, server), 0
    for command in offline_commands(random.Random(seed * 7), revisions, args.mode == 'stamp'):
        outcomes = both_offline(tools, server, seed, command)
        if outcomes is None:
            continue
        a, o = outcomes
        if a != o:
            differences += 1
            report(seed, command, a, o)
    return differences


def online(args, server, seed):
    root = os.path.join(args.work, 'o%d' % seed)
    revisions = graph(seed, args.revisions)
    write(revisions, root, True, server)
    ids = [r[0] for r in revisions]
    labels = [l for r in revisions for l in r[2]]
    rnd, tools = random.Random(seed * 13), Tools(args, root, server)
    databases = ('compare_alembic_%d' % seed, 'compare_samokoder_%d' % seed)
    for db in databases:
        server.admin('DROP DATABASE IF EXISTS ' + db)
        server.admin('CREATE DATABASE ' + db)
    alembic_url, our_url = server.alembic_url(databases[0]), server.jdbc_url(databases[1])
    targets = (ids + ['heads', 'head', 'base', '+1', '+2', '-1', '-2'] + [l + '@head' for l in labels]
               + [l + '@-1' for l in labels] + [l + '@+1' for l in labels] + [i + '+1' for i in ids[:3]]
               + [i + '-1' for i in ids[:3]])
    differences = 0
    try:
        for step in range(args.steps):
            r = rnd.random()
            command = (['stamp'] + rnd.sample(ids, rnd.choice([1, 1, 2])) if r < 0.25
                       else ['upgrade', rnd.choice(targets)] if r < 0.6
                       else ['downgrade', rnd.choice(targets)] if r < 0.9
                       else rnd.choice([['current'], ['current', '-v'], ['history', '-i']]))
            rc_a, out_a, err_a = tools.alembic(command, alembic_url)
            rc_o, out_o, err_o = tools.ours(command, our_url)
            if rc_a == 1:
                raised('seed %d step %d' % (seed, step), command, rc_o, out_o, err_o)
                break
            a = after(server, command, databases[0], rc_a, out_a, err_a)
            o = after(server, command, databases[1], rc_o, out_o, err_o)
            if a != o:
                differences += 1
                report(seed, command, a, o)
                break
    finally:
        for db in databases:
            server.admin('DROP DATABASE IF EXISTS ' + db)
    return differences


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--cli', default='samokoder-migrations-cli/target/samokoder',
                        help="samokoder's launcher (build it with mvn -pl samokoder-migrations-cli -am package)")
    parser.add_argument('--python', default='/usr/bin/python3',
                        help='the Python that has alembic, psycopg2 and (for MariaDB) PyMySQL')
    parser.add_argument('--mode', choices=['offline', 'stamp', 'online', 'revision'], default='offline')
    parser.add_argument('--dialect', choices=['postgresql', 'mariadb'], default='postgresql',
                        help="the server of online mode; offline, Alembic's dialect (mariadb: Alembic's MySQL)")
    parser.add_argument('--seeds', default='1:11', help='a range of graph seeds, FIRST:END')
    parser.add_argument('--revisions', type=int, default=14, help='revisions per graph')
    parser.add_argument('--steps', type=int, default=25, help='commands per graph (online, revision)')
    parser.add_argument('--work', default='/tmp/alembic-compare')
    parser.add_argument('--pg-host', default='127.0.0.1')
    parser.add_argument('--pg-port', type=int, default=5432)
    parser.add_argument('--pg-user', default='postgres')
    parser.add_argument('--mariadb-host', default='127.0.0.1')
    parser.add_argument('--mariadb-port', type=int, default=3306)
    parser.add_argument('--mariadb-user', default='root')
    parser.add_argument('--offline-jdbc-scheme', choices=['mariadb', 'mysql'], default='mariadb',
                        help="offline with --dialect mariadb: the scheme of samokoder's URL")
    args = parser.parse_args()
    args.cli = os.path.abspath(args.cli)
    first, end = (int(x) for x in args.seeds.split(':'))
    server = MariaDb(args) if args.dialect == 'mariadb' else PostgreSql(args)
    differences = 0
    for seed in range(first, end):
        run = online if args.mode == 'online' else revision_mode if args.mode == 'revision' else offline
        differences += run(args, server, seed)
        print('seed %d done; differences so far: %d' % (seed, differences))
        sys.stdout.flush()
    sys.exit(1 if differences else 0)


if __name__ == '__main__':
    main()
