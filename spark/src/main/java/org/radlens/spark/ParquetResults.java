package org.radlens.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.radlens.pipeline.ResultRow;

/**
 * The columnar result set {@code OUT/results.parquet}: one row per item with the columns of {@code results.csv}
 * (findings as a {@code map<string,double>}, status, input_scope, note, {@code lung_area_mm2} null when not
 * segmented), partitioned by
 * {@code bucket = floorMod(id.hashCode(), 16)} — a stable key ({@link String#hashCode} is specified by the JLS), so
 * a re-run writes each id into the same partition. Rebuilt from the journal with Spark's own output commit protocol
 * (mode overwrite), so it never holds a row twice.
 */
public final class ParquetResults {
    /** Number of {@code bucket=} partitions. */
    public static final int BUCKETS = 16;

    public static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("sop_instance_uid", DataTypes.StringType, false)
            .add("findings", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), false)
            .add("status", DataTypes.StringType, false)
            .add("input_scope", DataTypes.StringType, false)
            .add("note", DataTypes.StringType, false)
            .add("lung_area_mm2", DataTypes.DoubleType, true)
            .add("sr_uid", DataTypes.StringType, false)
            .add("seg_uid", DataTypes.StringType, false)
            .add("error", DataTypes.StringType, false)
            .add("bucket", DataTypes.IntegerType, false);

    private ParquetResults() {
    }

    public static int bucket(String id) {
        return Math.floorMod(id.hashCode(), BUCKETS);
    }

    /** Replaces {@code dir} with {@code rows}. */
    public static void write(SparkSession spark, Path dir, List<ResultRow> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        for (ResultRow r : rows) {
            out.add(RowFactory.create(r.id(), r.sopInstanceUid(),
                    scala.jdk.javaapi.CollectionConverters.asScala(r.findings()), r.status().label(), r.scope(),
                    r.note(),
                    Double.isNaN(r.lungAreaMm2()) ? null : r.lungAreaMm2(), r.srUid(), r.segUid(), r.error(),
                    bucket(r.id())));
        }
        spark.createDataFrame(out, SCHEMA).repartition(spark.sparkContext().defaultParallelism(),
                        org.apache.spark.sql.functions.col("bucket"))
                .write().mode(SaveMode.Overwrite).partitionBy("bucket")
                .parquet(dir.toAbsolutePath().toUri().toString());
    }
}
