# bench-arg: 150
# test-arg: 1
# Havlak's loop recognition ("Nesting of Reducible and Irreducible Loops",
# TOPLAS 1997), the algorithm of Hundt's cross-language benchmark: a
# depth-first numbering of a control-flow graph, back edges classified by
# ancestry, then the nodes visited in reverse preorder, each collapsing
# the bodies of the loops it heads into itself with union-find; loops
# entered other than through their header are marked irreducible. The
# control-flow graphs are generated from a seeded `random` (straight
# lines, diamonds, nested loops, self loops and stray jumps that make
# irreducible regions), so object graphs, lists and small-object churn are
# what is measured. The size is the number of graphs; prints, per graph,
# the blocks, the loops found by kind, the outermost ones, the deepest
# nesting, how many blocks the loops hold directly and a checksum of the
# headers, then totals.
import random
import sys

UNVISITED = -1
NON_HEADER, REDUCIBLE, SELF, IRREDUCIBLE = range(4)


class BasicBlock:
    def __init__(self, number):
        self.number = number
        self.successors = []
        self.predecessors = []


class ControlFlowGraph:
    def __init__(self):
        self.blocks = []

    def new_block(self):
        block = BasicBlock(len(self.blocks))
        self.blocks.append(block)
        return block

    def add_edge(self, source, target):
        source.successors.append(target)
        target.predecessors.append(source)


class Loop:
    def __init__(self, header, kind):
        self.header = header
        self.kind = kind
        self.blocks = []
        self.parent = None
        self.depth = 0


class UnionFindNode:
    """A block by its preorder number, in a union-find forest: a collapsed
    loop body points (eventually) at its header."""

    def __init__(self, block, number):
        self.block = block
        self.number = number
        self.parent = self
        self.loop = None

    def find(self):
        root = self
        while root.parent is not root:
            root = root.parent
        node = self
        while node.parent is not root:
            node.parent, node = root, node.parent
        return root

    def union(self, other):
        self.parent = other


def depth_first_numbers(start, block_count):
    """Preorder numbers of the blocks reachable from `start` (UNVISITED for
    the rest), the blocks in that order, and for each number the largest
    number among its DFS descendants."""
    number = [UNVISITED] * block_count
    order = []
    last = []
    stack = [(start, 0)]
    number[start.number] = 0
    order.append(start)
    last.append(0)
    while stack:
        block, next_successor = stack[-1]
        if next_successor < len(block.successors):
            stack[-1] = (block, next_successor + 1)
            successor = block.successors[next_successor]
            if number[successor.number] == UNVISITED:
                number[successor.number] = len(order)
                order.append(successor)
                last.append(0)
                stack.append((successor, 0))
        else:
            stack.pop()
            last[number[block.number]] = len(order) - 1
    return number, order, last


def find_loops(cfg):
    """The loops of `cfg`, innermost first, with their nesting."""
    number, order, last = depth_first_numbers(cfg.blocks[0], len(cfg.blocks))
    count = len(order)
    nodes = [UnionFindNode(block, i) for i, block in enumerate(order)]
    kinds = [NON_HEADER] * count
    back_predecessors = [[] for _ in range(count)]
    other_predecessors = [[] for _ in range(count)]
    other_sets = [set() for _ in range(count)]

    def is_ancestor(w, v):
        return w <= v <= last[w]

    for w in range(count):
        for predecessor in order[w].predecessors:
            v = number[predecessor.number]
            if v == UNVISITED:
                continue
            if is_ancestor(w, v):
                back_predecessors[w].append(v)
            elif v not in other_sets[w]:
                other_sets[w].add(v)
                other_predecessors[w].append(v)

    loops = []
    for w in range(count - 1, -1, -1):
        if not back_predecessors[w]:
            continue
        pool = []
        in_pool = set()
        for v in back_predecessors[w]:
            if v == w:
                kinds[w] = SELF
                continue
            root = nodes[v].find()
            if root.number not in in_pool:
                in_pool.add(root.number)
                pool.append(root)
        if pool:
            kinds[w] = REDUCIBLE
        work = list(pool)
        while work:
            x = work.pop()
            for y in other_predecessors[x.number]:
                root = nodes[y].find()
                if not is_ancestor(w, root.number):
                    kinds[w] = IRREDUCIBLE
                    if root.number not in other_sets[w]:
                        other_sets[w].add(root.number)
                        other_predecessors[w].append(root.number)
                elif root.number != w and root.number not in in_pool:
                    in_pool.add(root.number)
                    pool.append(root)
                    work.append(root)
        loop = Loop(order[w], kinds[w])
        loop.blocks.append(order[w])
        loops.append(loop)
        nodes[w].loop = loop
        for node in pool:
            node.union(nodes[w])
            if node.loop is not None:
                node.loop.parent = loop
            else:
                loop.blocks.append(node.block)
    # Outermost loops first, each child one deeper than its parent.
    for loop in reversed(loops):
        if loop.parent is not None:
            loop.depth = loop.parent.depth + 1
    return loops


def build(cfg, rng, entry, depth):
    """Appends a random structured region after `entry`; returns its exit."""
    current = entry
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(5 if depth > 0 else 2)
        if kind == 0:
            following = cfg.new_block()
            cfg.add_edge(current, following)
        elif kind == 1:
            left, right, join = cfg.new_block(), cfg.new_block(), cfg.new_block()
            cfg.add_edge(current, left)
            cfg.add_edge(current, right)
            cfg.add_edge(left, join)
            cfg.add_edge(right, join)
            following = join
        elif kind == 2:
            following = cfg.new_block()
            cfg.add_edge(current, following)
            cfg.add_edge(following, following)
        else:
            header = cfg.new_block()
            cfg.add_edge(current, header)
            body_end = build(cfg, rng, header, depth - 1)
            cfg.add_edge(body_end, header)
            following = cfg.new_block()
            cfg.add_edge(header, following)
            if kind == 4:
                # An early exit from inside the body.
                inside = cfg.blocks[rng.randrange(header.number, body_end.number + 1)]
                cfg.add_edge(inside, following)
        current = following
    return current


def make_graph(rng, regions):
    cfg = ControlFlowGraph()
    current = cfg.new_block()
    for _ in range(regions):
        current = build(cfg, rng, current, 4)
    # Stray jumps, some into the middle of loops (irreducible regions).
    for _ in range(len(cfg.blocks) // 40):
        source = cfg.blocks[rng.randrange(len(cfg.blocks))]
        target = cfg.blocks[rng.randrange(len(cfg.blocks))]
        cfg.add_edge(source, target)
    # One block no path reaches, which the finder must ignore.
    unreachable = cfg.new_block()
    cfg.add_edge(unreachable, cfg.blocks[0])
    return cfg


def main(graphs):
    rng = random.Random(1997)
    totals = [0, 0, 0, 0]
    deepest = 0
    for index in range(graphs):
        cfg = make_graph(rng, 60)
        loops = find_loops(cfg)
        by_kind = [0, 0, 0, 0]
        for loop in loops:
            by_kind[loop.kind] += 1
        depth = max([loop.depth for loop in loops], default=0)
        outermost = sum(1 for loop in loops if loop.parent is None)
        in_loops = sum(len(loop.blocks) for loop in loops)
        headers = sum(loop.header.number for loop in loops) % 100003
        deepest = max(deepest, depth)
        for kind in range(4):
            totals[kind] += by_kind[kind]
        print("graph %d: %d blocks, %d loops (reducible %d, self %d, irreducible %d, "
              "outermost %d), depth %d, %d blocks in loops, headers %d" % (
                  index, len(cfg.blocks), len(loops), by_kind[REDUCIBLE], by_kind[SELF],
                  by_kind[IRREDUCIBLE], outermost, depth, in_loops, headers))
    print("total loops: reducible %d, self %d, irreducible %d; deepest %d" % (
        totals[REDUCIBLE], totals[SELF], totals[IRREDUCIBLE], deepest))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 150)
