//! The order hadolint prints findings in.
//!
//! hadolint collects findings rule by rule (in its fixed rule order, each
//! rule's findings in file order), filters them, and sorts them by line with
//! an *unstable* sort: the order of several findings on one line is neither
//! the rule order nor the code order. To print byte-identical reports we
//! reproduce that sort exactly: the sequence it sorts is a finger tree built
//! by appending one element at a time (a filter rebuilds it that way), and
//! the sort folds that tree's shape into a pairing heap and pops it.

use std::collections::VecDeque;

/// A finger-tree element: a finding's index, or a node of two or three.
#[derive(Clone, Debug)]
enum Item {
    Leaf(usize),
    Node(Vec<Item>),
}

/// The shape of a finger tree built by appending only.
#[derive(Debug)]
enum Tree {
    Empty,
    Single(Item),
    Deep(Vec<Item>, Box<Tree>, Vec<Item>),
}

impl Tree {
    fn snoc(self, item: Item) -> Tree {
        match self {
            Tree::Empty => Tree::Single(item),
            Tree::Single(a) => Tree::Deep(vec![a], Box::new(Tree::Empty), vec![item]),
            Tree::Deep(prefix, middle, mut suffix) => {
                if suffix.len() == 4 {
                    let last = suffix.pop().expect("four elements");
                    let node = Item::Node(suffix);
                    Tree::Deep(prefix, Box::new(middle.snoc(node)), vec![last, item])
                } else {
                    suffix.push(item);
                    Tree::Deep(prefix, middle, suffix)
                }
            }
        }
    }
}

/// A pairing heap of finding indices; `children` is a list whose head is
/// at the front.
struct Queue {
    top: usize,
    children: VecDeque<Queue>,
}

/// Sorts `lines` (one entry per finding, in hadolint's collection order)
/// and returns the indices in the order hadolint prints them.
pub fn hadolint_order(lines: &[u32]) -> Vec<usize> {
    let merge = |mut q1: Queue, mut q2: Queue| -> Queue {
        if lines[q1.top] > lines[q2.top] {
            q2.children.push_front(q1);
            q2
        } else {
            q1.children.push_front(q2);
            q1
        }
    };

    // Build the tree as n appends would.
    let mut tree = Tree::Empty;
    for i in 0..lines.len() {
        tree = tree.snoc(Item::Leaf(i));
    }

    fn fold_item(item: Item, merge: &dyn Fn(Queue, Queue) -> Queue) -> Queue {
        match item {
            Item::Leaf(i) => Queue {
                top: i,
                children: VecDeque::new(),
            },
            Item::Node(items) => fold_left(items, merge),
        }
    }
    // `a <+> b <+> c` associates to the left.
    fn fold_left(items: Vec<Item>, merge: &dyn Fn(Queue, Queue) -> Queue) -> Queue {
        let mut items = items.into_iter();
        let first = fold_item(items.next().expect("digits and nodes are non-empty"), merge);
        items.fold(first, |acc, item| merge(acc, fold_item(item, merge)))
    }
    fn fold_tree(tree: Tree, merge: &dyn Fn(Queue, Queue) -> Queue) -> Option<Queue> {
        match tree {
            Tree::Empty => None,
            Tree::Single(item) => Some(fold_item(item, merge)),
            Tree::Deep(prefix, middle, suffix) => {
                let both = merge(fold_left(prefix, merge), fold_left(suffix, merge));
                Some(match fold_tree(*middle, merge) {
                    Some(m) => merge(both, m),
                    None => both,
                })
            }
        }
    }

    let mut order = Vec::with_capacity(lines.len());
    let mut queue = fold_tree(tree, &merge);
    while let Some(q) = queue {
        order.push(q.top);
        // Merge children in pairs from the front, then fold the pairs from
        // the right: (t1 <+> t2) <+> ((t3 <+> t4) <+> ...).
        let mut children = q.children;
        let mut pairs = Vec::with_capacity(children.len() / 2 + 1);
        while let Some(t1) = children.pop_front() {
            pairs.push(match children.pop_front() {
                Some(t2) => merge(t1, t2),
                None => t1,
            });
        }
        queue = pairs.into_iter().rev().reduce(|acc, pair| merge(pair, acc));
    }
    order
}

#[cfg(test)]
mod tests {
    use super::hadolint_order;

    fn check(findings: &[(&str, u32)], expected: &[&str]) {
        let lines: Vec<u32> = findings.iter().map(|f| f.1).collect();
        let order: Vec<&str> = hadolint_order(&lines)
            .into_iter()
            .map(|i| findings[i].0)
            .collect();
        assert_eq!(order, expected);
    }

    #[test]
    fn sorts_by_line() {
        check(&[], &[]);
        check(&[("a", 3), ("b", 1), ("c", 2)], &["b", "c", "a"]);
        let many: Vec<(String, u32)> = (0..200)
            .map(|i| (i.to_string(), (i * 7919 % 101) as u32))
            .collect();
        let lines: Vec<u32> = many.iter().map(|f| f.1).collect();
        let sorted: Vec<u32> = hadolint_order(&lines)
            .into_iter()
            .map(|i| lines[i])
            .collect();
        assert!(sorted.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(sorted.len(), 200);
    }

    // hadolint 2.15.1 on `FROM debian` / `RUN cd /tmp && apt-get install -y curl`
    // / `CMD echo $HOME` prints DL3006, DL3003, DL3015, DL3008, DL3025; its
    // rules collect them as DL3003, DL3006, DL3008, DL3015, DL3025.
    #[test]
    fn ties_come_out_as_hadolint_prints_them() {
        check(
            &[
                ("DL3003", 2),
                ("DL3006", 1),
                ("DL3008", 2),
                ("DL3015", 2),
                ("DL3025", 3),
            ],
            &["DL3006", "DL3003", "DL3015", "DL3008", "DL3025"],
        );
    }
}
