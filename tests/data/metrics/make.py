"""Writes the graphs of tests/metrics.rs and networkx's values for them (expected.json).

Run from this folder with networkx 3 installed: python3 make.py
The graphs are networkx's own output, so they are also files another tool wrote.
"""
import json
import random

import networkx as nx


def values(graph):
    eigen = nx.eigenvector_centrality(graph, max_iter=1000)
    between = nx.betweenness_centrality(graph)
    rank = nx.pagerank(graph)
    out = {}
    for node in graph.nodes:
        row = {
            "degree": graph.degree(node),
            "betweenness": between[node],
            "eigenvector": eigen[node],
            "pagerank": rank[node],
        }
        if graph.is_directed():
            row["in_degree"] = graph.in_degree(node)
            row["out_degree"] = graph.out_degree(node)
        out[str(node)] = row
    return out


def directed_graph():
    rng = random.Random(18)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(30))
    for a in range(28):
        for b in range(28):
            if a != b and rng.random() < 0.09:
                graph.add_edge(a, b)
    # One actor only pointed at, none pointing on; one with no relation at all.
    graph.add_edge(3, 28)
    graph.add_edge(17, 28)
    return graph


def main():
    expected = {}
    karate = nx.karate_club_graph()
    for _, _, data in karate.edges(data=True):
        data.pop("weight", None)
    nx.write_graphml(karate, "karate-undirected.graphml")
    expected["karate-undirected.graphml"] = values(karate)

    directed = directed_graph()
    nx.write_gexf(directed, "random-directed.gexf")
    expected["random-directed.gexf"] = values(directed)

    with open("expected.json", "w") as f:
        json.dump({"networkx": nx.__version__, "files": expected}, f, indent=1, sort_keys=True)
        f.write("\n")


main()
