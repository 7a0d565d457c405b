Creator "Gephi"
# A fixture of the project's own, written as Gephi and networkx write GML: numbered nodes with
# labels, graphics blocks nested two deep, an edge listed twice.
graph
[
  directed 1
  label "Gephi-style alliances"
  node
  [
    id 1
    label "North Korea"
    type "state"
    graphics
    [
      x -120.5
      y 40.25
      w 30.0
      h 30.0
      fill "#4C78A8"
      outline [ width 1 colour "#000000" ]
    ]
  ]
  node
  [
    id 2
    label "Russia"
    type "state"
    graphics [ x 80.0 y -10.0 w 20.0 h 20.0 fill "#e45756" ]
  ]
  node [ id 3 label "Wagner &quot;Group&quot;" type "armed group" ]
  edge [ source 1 target 2 label "arms supply" value 3.0 ]
  edge [ source 2 target 3 label "troop deployment" ]
  edge [ source 1 target 2 label "arms supply" value 3.0 ]
]
