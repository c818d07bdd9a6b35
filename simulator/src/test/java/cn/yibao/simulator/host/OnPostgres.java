package cn.yibao.simulator.host;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class whose host keeps its data on PostgreSQL (a fresh database of the tests'
 * cluster, {@link TestPostgres}) instead of the default SQLite file: the same tests, run on the
 * other store by a subclass that carries this annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@interface OnPostgres {
}
