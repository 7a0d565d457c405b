graph [
  node [ id 1 label "North Korea ]
  node [ id 2 label "Russia" ]
]
